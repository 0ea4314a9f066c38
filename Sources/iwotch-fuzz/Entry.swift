import Foundation

#if FUZZING
/// libFuzzer's entry point. One binary holds every target; `IWOTCH_FUZZ_TARGET` names the one run.
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["IWOTCH_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        fatalError("Set IWOTCH_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")).")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzTarget.run(Data(bytes: data, count: size))
    return 0
}

/// libFuzzer's own driver, which the fuzz binary's main hands over to.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ test: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's main as `<module>_main`; with no `@main` here, this is it, and it
/// runs libFuzzer with the command line as given.
@_cdecl("iwotch_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var argc = argc
    var argv = argv
    return runDriver(&argc, &argv, fuzz)
}
#else
/// Without libFuzzer: replays inputs (a crash found, a seed) through a target, so a finding can be
/// looked at in the ordinary build.
@main
enum Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: iwotch-fuzz \(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")) FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                exit(1)
            }
            target.run(data)
        }
        try? FileManager.default.removeItem(at: FuzzTarget.scratch)
    }
}
#endif
