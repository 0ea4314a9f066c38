import CNcursesw
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The last stop signal (INT, TERM or HUP) received and not yet reported, or 0.
/// A signal handler may only do async-signal-safe work: a lock-free atomic store is that.
let pendingStopSignal = Atomic<Int32>(0)

/// True while curses owns the terminal (between newterm and endwin), so that the crash handler
/// and the exit hook restore it exactly once.
let cursesActive = Atomic<Bool>(false)

/// The dispositions in force before ours, indexed by signal number: the crash handler chains to
/// them (the Swift runtime's backtracer, usually), and close() puts the stop handlers back.
/// Written only while installing, before any of our handlers can run.
nonisolated(unsafe) private let previousActions: UnsafeMutablePointer<sigaction> = {
    let table = UnsafeMutablePointer<sigaction>.allocate(capacity: Signals.tableSize)
    table.initialize(repeating: sigaction(), count: Signals.tableSize)
    return table
}()

private func recordStopSignal(_ signal: Int32) {
    pendingStopSignal.store(signal, ordering: .relaxed)
}

private func restoreTerminalThenCrash(_ signal: Int32) {
    // endwin is not formally async-signal-safe, but the process is dying anyway, and a terminal
    // left in the alternate screen with echo off is worse than the small risk.
    if cursesActive.exchange(false, ordering: .relaxed) { endwin() }
    sigaction(signal, previousActions + Int(signal), nil)
    // Blocked until this handler returns; then it is delivered to the previous disposition.
    // A genuine fault also simply happens again when the faulting instruction re-executes.
    raise(signal)
}

enum Signals {
    static let tableSize = 65
    static let stop: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    static let crash: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// A parent (a test runner, a supervisor, some IDEs) may start us with signals blocked; then
    /// resize and Ctrl-C silently stop working.
    static func unblock() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGTSTP, SIGCONT] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Must run before newterm: ncurses installs its own INT/TERM handlers only where the
    /// disposition is still the default, and those would end the process from inside curses.
    /// No SA_RESTART, so a blocking read returns at once with EINTR and the loop can exit cleanly.
    static func installStopHandlers() {
        for signal in stop { install(recordStopSignal, for: signal, flags: 0) }
    }

    static func installCrashHandlers() {
        for signal in crash { install(restoreTerminalThenCrash, for: signal, flags: SA_ONSTACK) }
    }

    /// Puts back what was there before installStopHandlers, once the screen is closed.
    static func restoreStopHandlers() {
        for signal in stop { sigaction(signal, previousActions + Int(signal), nil) }
    }

    /// The stop signal received since the last call, if any (each is reported once).
    static func take() -> Int32? {
        let signal = pendingStopSignal.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }

    private static func install(_ handler: @convention(c) (Int32) -> Void, for signal: Int32, flags: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        action.sa_flags = flags
        var previous = sigaction()
        sigaction(signal, &action, &previous)
        // Installing twice (a second open) must not make our own handler the "previous" one.
        if !isOurs(previous) { previousActions[Int(signal)] = previous }
    }

    private static func isOurs(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        let address = unsafeBitCast(handler, to: UInt.self)
        let ours: [@convention(c) (Int32) -> Void] = [recordStopSignal, restoreTerminalThenCrash]
        return ours.contains { unsafeBitCast($0, to: UInt.self) == address }
    }
}
