import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server for one test: the app runs in a real terminal, and we read the screen.
///
/// Every test gets its own socket and config, so tests run in parallel and a failure cannot leave
/// a session behind (deinit kills the server). tmux is spawned with posix_spawnp and a clean signal
/// state: Foundation.Process hands children blocked signals and can hang waiting for tmux.
public final class Tmux {
    /// How long a wait may last before it is a failure. Only a failing test waits this long; it is
    /// generous because the whole suite starts many consoles at once on a small machine, where an fsync can take seconds while other work writes.
    public static let patience: Duration = .seconds(45)
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public struct PaneInfo: Equatable, Sendable {
        public var alternateOn: Bool
        public var dead: Bool
        /// The exit status once tmux knows it (nil while alive, or when a signal killed the app).
        public var deadStatus: Int32?
        /// The signal that killed the app (a crash shows here, not as a status).
        public var deadSignal: Int32?

        public init(alternateOn: Bool, dead: Bool, deadStatus: Int32?, deadSignal: Int32? = nil) {
            self.alternateOn = alternateOn
            self.dead = dead
            self.deadStatus = deadStatus
            self.deadSignal = deadSignal
        }

        /// Dead, and tmux knows how it ended.
        public var exited: Bool { dead && (deadStatus != nil || deadSignal != nil) }
    }

    public let directory: String
    private var socket: String { directory + "/sock" }
    private var spawned = 0
    public static let session = "t"

    public init() throws {
        // Short paths: a Unix socket path must fit in 108 bytes, and TMPDIR can be long.
        var template = Array("/tmp/iwotch-tmux.XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw Failure(description: "cannot create a temporary folder") }
        directory = String(cString: made)
        // The terminal type must be set in the config file: set after new-session, it races a fast exit.
        let config = """
        set -g remain-on-exit on
        set -g default-terminal tmux-256color
        set -g status off
        set -g history-limit 100

        """
        try config.write(toFile: directory + "/tmux.conf", atomically: true, encoding: .utf8)
    }

    deinit {
        _ = try? tmux(["kill-server"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Starts `iwotch ARGUMENTS` in a WIDTH x HEIGHT pane. `withoutNoColor` removes the NO_COLOR
    /// that `swift test` exports when its output is not a terminal.
    public func start(_ arguments: [String], width: Int = 80, height: Int = 24, withoutNoColor: Bool = false,
               environment: [String: String] = [:]) throws {
        var command = ["env"]
        if withoutNoColor { command += ["-u", "NO_COLOR"] }
        let settings = ["TERM": "tmux-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no"]
            .merging(environment) { $1 }
        command += settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        command += [BuiltBinary.iwotch.path] + arguments
        let result = try tmux(["new-session", "-d", "-s", Self.session, "-x", "\(width)", "-y", "\(height)"] + command)
        guard result.status == 0 else { throw Failure(description: "tmux new-session failed: \(result.output)") }
    }

    public func sendKeys(_ keys: String...) throws {
        try check(tmux(["send-keys", "-t", Self.session] + keys))
    }

    /// Sends text literally (no key-name lookup), e.g. "é".
    public func sendText(_ text: String) throws {
        try check(tmux(["send-keys", "-t", Self.session, "-l", text]))
    }

    /// The visible screen. With `history`, the lines scrolled off the top too: when the app exits,
    /// tmux writes "Pane is dead" on the last row with a line feed, which scrolls the first row
    /// (where a closing sentence lands after endwin) into the history.
    public func capture(history: Bool = false) throws -> String {
        try check(tmux(["capture-pane", "-p", "-t", Self.session] + (history ? ["-S", "-"] : [])))
    }

    /// The screen with SGR escape sequences for colours and attributes.
    public func captureWithAttributes() throws -> String {
        try check(tmux(["capture-pane", "-p", "-e", "-t", Self.session]))
    }

    /// Polls the screen until it contains every one of `texts`; returns that screen.
    @discardableResult
    public func waitFor(text texts: String..., history: Bool = false, timeout: Duration = Tmux.patience) async throws -> String {
        try await waitUntil("the screen shows \(texts)", history: history, timeout: timeout) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Polls until the screen contains every one of `texts` and then holds still for two captures
    /// 100 ms apart: a screen drawn in pieces under load is never compared half-painted.
    @discardableResult
    public func waitForSettled(text texts: String..., timeout: Duration = Tmux.patience) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var previous = ""
        while clock.now < deadline {
            let screen = try capture()
            if texts.allSatisfy({ screen.contains($0) }), screen == previous { return screen }
            previous = screen
            try await Task.sleep(for: .milliseconds(100))
        }
        throw Failure(description: "timed out waiting until the screen settled showing \(texts); the screen was:\n\(previous)")
    }

    @discardableResult
    public func waitUntil(_ what: String, history: Bool = false, timeout: Duration = Tmux.patience,
                   _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while clock.now < deadline {
            screen = try capture(history: history)
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(5))
        }
        throw Failure(description: "timed out waiting until \(what); the screen was:\n\(screen)")
    }

    public func resize(width: Int, height: Int) throws {
        try check(tmux(["resize-window", "-t", Self.session, "-x", "\(width)", "-y", "\(height)"]))
    }

    public func paneInfo() throws -> PaneInfo {
        var info = try readPaneInfo()
        if info.dead, !info.exited {
            // Debian's tmux may miss the child's exit (a libutempter SIGCHLD race): nudge the server.
            let server = try check(tmux(["display-message", "-p", "-t", Self.session, "#{pid}"]))
            if let pid = Int32(server.trimmingCharacters(in: .whitespacesAndNewlines)) { Glibc.kill(pid, SIGCHLD) }
            info = try readPaneInfo()
        }
        return info
    }

    /// Polls until the app has exited and tmux knows its status (or the signal that killed it).
    public func waitForExit(timeout: Duration = Tmux.patience) async throws -> PaneInfo {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var info = try paneInfo()
        while clock.now < deadline {
            if info.exited { return info }
            try await Task.sleep(for: .milliseconds(5))
            info = try paneInfo()
        }
        throw Failure(description: "timed out waiting for the app to exit (\(info)); the screen was:\n\(try capture())")
    }

    /// Sends a signal to the app itself (the pane's process: `env` execs the binary).
    public func kill(signal: Int32) throws {
        let output = try check(tmux(["display-message", "-p", "-t", Self.session, "#{pane_pid}"]))
        guard let pid = Int32(output.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else {
            throw Failure(description: "no pane pid in \(output)")
        }
        guard Glibc.kill(pid, signal) == 0 else { throw Failure(description: "kill \(pid) failed: errno \(errno)") }
    }

    private func readPaneInfo() throws -> PaneInfo {
        let output = try check(tmux(["display-message", "-p", "-t", Self.session,
                                     "#{alternate_on}:#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}"]))
        let fields = output.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 4 else { throw Failure(description: "unexpected pane info: \(output)") }
        return PaneInfo(alternateOn: fields[0] == "1", dead: fields[1] == "1",
                        deadStatus: Int32(fields[2]), deadSignal: Int32(fields[3]))
    }

    @discardableResult
    private func check(_ result: (status: Int32, output: String)) throws -> String {
        guard result.status == 0 else { throw Failure(description: "tmux failed (\(result.status)): \(result.output)") }
        return result.output
    }

    /// Runs `tmux -S SOCKET -f CONFIG ARGUMENTS` and returns its status and output (stdout and stderr).
    public func tmux(_ arguments: [String]) throws -> (status: Int32, output: String) {
        spawned += 1
        let outputPath = directory + "/out-\(spawned)"
        defer { unlink(outputPath) }
        let argv = ["tmux", "-S", socket, "-f", directory + "/tmux.conf"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil  // a developer running the tests inside tmux
        let pid = try Self.spawn(argv, environment: environment, output: outputPath)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw Failure(description: "waitpid failed: errno \(errno)") }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        let exited = status & 0x7f == 0
        return (exited ? (status >> 8) & 0xff : 128 + (status & 0x7f), output)
    }

    private static func spawn(_ argv: [String], environment: [String: String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        // An empty mask and default dispositions: the tmux server (and so the app) must not inherit
        // the test runner's blocked INT, TERM, CHLD and WINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, argv[0], &actions, &attributes, cArguments, cEnvironment)
        guard result == 0 else { throw Failure(description: "cannot start tmux: \(String(cString: strerror(result)))") }
        return pid
    }
}
