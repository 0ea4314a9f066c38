import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the figures were measured on, so two runs can be compared fairly.
enum Machine {
    static func header() -> String {
        let model = firstValue(in: "/proc/cpuinfo", key: "model name") ?? "unknown CPU"
        let memory = firstValue(in: "/proc/meminfo", key: "MemTotal").flatMap { Double($0.split(separator: " ").first ?? "") }
        var name = utsname()
        uname(&name)
        let kernel = withUnsafeBytes(of: name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        var build = "release build"
        #if DEBUG
        build = "DEBUG BUILD: figures are not representative, run with -c release"
        #endif
        return """
        iwotch-bench (\(build))
          cpu:    \(ProcessInfo.processInfo.activeProcessorCount) x \(model)
          memory: \(memory.map { String(format: "%.1f GiB", $0 / 1_048_576) } ?? "unknown")
          kernel: Linux \(kernel)
          swift:  \(swiftVersion())
        """
    }

    /// The toolchain on PATH; the binary itself does not record which compiler built it.
    static func swiftVersion() -> String {
        guard let output = try? Reference.capture(["swift", "--version"]) else { return "unknown (swift not on PATH)" }
        return output.split(separator: "\n").first.map(String.init) ?? "unknown"
    }

    /// The mount a folder lives on (device, type, options), from /proc/mounts: the longest mount
    /// point that is a prefix of the folder's real path.
    static func fileSystem(of folder: URL) -> String {
        let path = folder.resolvingSymlinksInPath().path
        guard let mounts = try? String(contentsOfFile: "/proc/mounts", encoding: .utf8) else { return "unknown" }
        var best: [Substring]?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 4 else { continue }
            let point = String(fields[1])
            let contains = path == point || path.hasPrefix(point == "/" ? "/" : point + "/")
            // Later lines win ties: a mount stacked on the same point hides the earlier one.
            if contains, point.count >= (best?[1].count ?? -1) { best = fields }
        }
        guard let best else { return "unknown" }
        return "\(best[2]) on \(best[0]), mounted at \(best[1]) (\(best[3]))"
    }

    /// Peak resident memory of this process (VmHWM), in bytes.
    static func peakMemory() -> Int {
        (firstValue(in: "/proc/self/status", key: "VmHWM").flatMap { Int($0.split(separator: " ").first ?? "") } ?? 0) * 1024
    }

    /// Resets VmHWM to the current RSS (Linux 4.0+), so a stage's peak is not its predecessor's.
    static func resetPeakMemory() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    private static func firstValue(in file: String, key: String) -> String? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == key {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }
}

/// Monotonic nanoseconds: immune to the wall clock being adjusted mid-run.
func nanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}
