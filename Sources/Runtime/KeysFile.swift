import Foundation
import Journal
import Programme
import SessionEngine

/// The facilitator's own keys: `$XDG_CONFIG_HOME/iwotch/keys.yaml`, or `~/.config/iwotch/keys.yaml`
/// where XDG_CONFIG_HOME is unset, empty or not absolute (as the XDG rules say). No file means the
/// standard keys; a file with problems is refused whole, each problem with its line, so a
/// mistyped key is met before the session rather than in the room.
public enum KeysFile {
    public struct Loaded: Sendable {
        public var map: KeyMap
        /// The file the keys came from; nil for the standard keys.
        public var path: String?
    }

    public enum Problem: Error {
        /// The file could not be read: the sentence says why and what to do.
        case unreadable(String)
        /// The file was read; these are its problems.
        case invalid([Diagnostic])
    }

    public static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/iwotch/keys.yaml" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/iwotch/keys.yaml"
    }

    /// `scale`: the content's rating scale, so a mapped key cannot take a rating key.
    public static func load(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                            scale: [DeliveryOpened.ScaleLevel] = []) -> Result<Loaded, Problem> {
        guard let path = path(environment) else { return .success(Loaded(map: .standard, path: nil)) }
        let data: Data
        switch RegularFile.read(path, maximumBytes: 65_536) {
        case .success(let read): data = read
        case .failure(.missing): return .success(Loaded(map: .standard, path: nil))
        case .failure(.notRegular(let mode)):
            return .failure(.unreadable("\(path) is not a regular file: it is \(FileKind.words(mode)). Remove it, or make it the keys file (see iwotch(1), KEYS)."))
        case .failure(.cannotRead(let reason)):
            return .failure(.unreadable("\(path) cannot be read (\(reason)). Fix its permissions, or remove it to use the standard keys."))
        case .failure(.tooLarge):
            return .failure(.unreadable("\(path) is larger than 64 KB; a keys file is a few lines. Is it the right file?"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(.unreadable("\(path) is not UTF-8 text. Save it as plain UTF-8 text."))
        }
        switch KeyMapFile.parse(text, path: path, scale: scale) {
        case .success(let map): return .success(Loaded(map: map, path: path))
        case .failure(let problems): return .failure(.invalid(problems.all))
        }
    }
}
