import Foundation
import Journal
import Programme
import Runtime

/// The keys file (Runtime's `KeysFile`) for the commands that open a screen: its problems are
/// printed, each with its line, and the command stops before the screen opens.
enum KeyConfig {
    /// `programme`: the content the console runs, whose rating keys a mapped key may not take.
    static func load(for programme: Programme? = nil) throws -> KeysFile.Loaded {
        let scale = programme?.fidelityScale.map { DeliveryOpened.ScaleLevel(id: $0.id, label: $0.label, score: $0.score) } ?? []
        switch KeysFile.load(scale: scale) {
        case .success(let loaded): return loaded
        case .failure(.unreadable(let sentence)): throw CommandFailure(sentence)
        case .failure(.invalid(let problems)):
            for problem in problems { Say.error(problem.description) }
            let count = problems.count == 1 ? "a problem" : "\(problems.count) problems"
            throw CommandFailure("The keys file has \(count): fix it, or move it away to use the standard keys.")
        }
    }
}
