import Foundation
import Testing

/// ARCHITECTURE.md's target graph, Package.swift's declared dependencies and the imports in
/// Sources/ must say the same thing, and nothing below the engine may import the screen.
@Suite struct TargetGraphTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The package's own source targets: the folders of Sources/.
    static func targets() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path).filter { !$0.hasPrefix(".") })
    }

    /// Each source target's dependencies on the package's own targets, as Package.swift declares them.
    static func declared() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        let own = try targets()
        var graph: [String: Set<String>] = [:]
        // Each declaration runs from its `name:` to the next declaration.
        let starts = text.ranges(of: /\.(target|executableTarget|testTarget|systemLibrary)\(/).map(\.lowerBound) + [text.endIndex]
        for (start, end) in zip(starts, starts.dropFirst()) {
            let declaration = text[start..<end]
            guard let name = declaration.firstMatch(of: /name: "([^"]+)"/)?.1, own.contains(String(name)) else { continue }
            // Products of other packages are written `.product(name: "…", …)`: leave those out.
            let withoutProducts = declaration.replacing(/\.product\([^)]*\)/, with: "")
            let strings = withoutProducts.matches(of: /"([^"]+)"/).map { String($0.1) }
            graph[String(name)] = Set(strings.filter { own.contains($0) && $0 != name })
        }
        return graph
    }

    /// Each source target's imports of the package's own targets.
    static func imported() throws -> [String: Set<String>] {
        let own = try targets()
        var graph: [String: Set<String>] = [:]
        for target in own {
            graph[target] = []
            let folder = root.appendingPathComponent("Sources/\(target)")
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    if let match = line.wholeMatch(of: /\s*(?:@\w+\s+)*import\s+(\w+)\s*/), own.contains(String(match.1)) {
                        graph[target]!.insert(String(match.1))
                    }
                }
            }
        }
        return graph
    }

    /// The ```graph block of ARCHITECTURE.md.
    static func documented() throws -> [String: Set<String>] {
        let text = try String(contentsOf: root.appendingPathComponent("ARCHITECTURE.md"), encoding: .utf8)
        let block = try #require(text.firstMatch(of: /```graph\n([\s\S]*?)```/)?.1)
        var graph: [String: Set<String>] = [:]
        for line in block.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            let depends = parts.count > 1 ? parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            graph[String(parts[0])] = Set(depends)
        }
        return graph
    }

    @Test func packageDeclaresExactlyWhatTheSourcesImport() throws {
        let declared = try Self.declared(), imported = try Self.imported()
        #expect(Set(declared.keys) == (try Self.targets()))
        for target in try Self.targets().sorted() {
            #expect(imported[target] == declared[target], "\(target): imports \(imported[target]!.sorted()), Package.swift declares \((declared[target] ?? []).sorted())")
        }
    }

    @Test func architectureDocumentShowsTheRealGraph() throws {
        let declared = try Self.declared(), documented = try Self.documented()
        #expect(Set(documented.keys) == Set(declared.keys), "targets missing from ARCHITECTURE.md or not in Package.swift")
        for (target, depends) in documented {
            #expect(depends == declared[target], "\(target): ARCHITECTURE.md says \(depends.sorted()), Package.swift \((declared[target] ?? []).sorted())")
        }
    }

    @Test func nothingBelowTheEngineImportsTheScreen() throws {
        let imported = try Self.imported()
        let screen: Set<String> = ["SessionEngine", "Views", "Backend", "Terminal", "Console"]
        for target in ["Programme", "Journal", "DeliveryFacts", "Audit", "Plan", "DisplayText"] {
            #expect(imported[target, default: []].isDisjoint(with: screen), "\(target) imports \(imported[target, default: []].intersection(screen).sorted())")
        }
    }

    @Test func theGraphHasNoCycles() throws {
        let declared = try Self.declared()
        var done = Set<String>(), visiting = Set<String>()
        func visit(_ target: String) -> Bool {
            if done.contains(target) { return true }
            if !visiting.insert(target).inserted { return false }
            defer { visiting.remove(target); done.insert(target) }
            return declared[target, default: []].allSatisfy(visit)
        }
        #expect(declared.keys.sorted().allSatisfy(visit))
    }

    /// The checks themselves must be able to fail: a graph with a missing edge is told apart.
    @Test func theComparisonNoticesAMissingEdge() throws {
        var declared = try Self.declared()
        declared["Views"]?.remove("DeliveryFacts")
        #expect(declared["Views"] != (try Self.imported())["Views"])
    }
}
