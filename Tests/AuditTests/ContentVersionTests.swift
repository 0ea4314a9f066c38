import DeliveryFacts
import Foundation
import Journal
import Testing
@testable import Audit

/// Content versions are ordered as numbers: the newest version's bands span deliveries, and the
/// header lists versions oldest first.
@Suite struct ContentVersionTests {
    @Test func version2026_10IsNewerThan2026_9() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("iwotch-versions-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let time = Timestamp.parse("2026-06-01T09:00:00.000Z")!
        for (index, (version, high, low)) in [("2026.10", 75, 45), ("2026.9", 80, 50)].enumerated() {
            var writer = Writer(delivery: "2026-06-0\(index + 1)-G1-day-a-v\(index)", seed: 20 + index)
            writer.append(.deliveryOpened(DeliveryOpened(
                programme: .init(id: "audit-fixture", version: version, fingerprint: "sha256:" + String(repeating: "\(index)", count: 64)),
                session: Fixture.session("day-a"), group: "G1", site: "S1", facilitators: [.init(code: "N1", role: "nurse")],
                dose: Fixture.dose, fidelityScale: Fixture.scale, bands: .init(high: high, low: low))),
                at: time.addingTimeInterval(Double(index) * 86_400))
            try writer.save(in: root)
        }
        let files = try FileManager.default.contentsOfDirectory(at: root, includingPropertiesForKeys: nil)
        let input = ReportInput(set: AuditSet.read(files), filters: Filters())
        #expect(input.bands == BandMarks(high: 75, low: 45))     // 2026.10's, though opened first and sorting after as text
        let versions = try #require(input.facts().first { $0.label == "Content versions" }?.value)
        #expect(versions.hasPrefix("audit-fixture 2026.9 ("))
        #expect(versions.contains("; audit-fixture 2026.10 ("))
    }
}
