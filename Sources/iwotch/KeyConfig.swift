import Foundation
import Programme
import Runtime

/// The keys file (Runtime's `KeysFile`) for the commands that open a screen: its problems are
/// printed, each with its line, and the command stops before the screen opens.
enum KeyConfig {
    static func load() throws -> KeysFile.Loaded {
        switch KeysFile.load() {
        case .success(let loaded): return loaded
        case .failure(.unreadable(let sentence)): throw CommandFailure(sentence)
        case .failure(.invalid(let problems)):
            for problem in problems { Say.error(problem.description) }
            let count = problems.count == 1 ? "a problem" : "\(problems.count) problems"
            throw CommandFailure("The keys file has \(count): fix it, or move it away to use the standard keys.")
        }
    }
}
