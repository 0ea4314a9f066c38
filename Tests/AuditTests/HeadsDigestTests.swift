import Foundation
import Testing
import Journal
@testable import Audit

/// The heads digest takes each head's last path component without making a URL when the head is
/// a chain head; the answer must be the URL's, whatever the text.
@Suite struct HeadsDigestTests {
    @Test func lastPathComponentIsTheURLs() {
        var texts = (0..<200).map { lineHash(Data("line \($0)".utf8)) }
        texts += ["sha256:", "sha256:" + String(repeating: "A", count: 64), "sha256:" + String(repeating: "g", count: 64),
                  "sha256:" + String(repeating: "0", count: 63) + "/", "/tmp/x/sha256:" + String(repeating: "a", count: 57),
                  "a/b", "b", "..", ".", "/", "a%20b", "é"]
        for text in texts {
            #expect(AuditSet.lastPathComponent(text) == URL(fileURLWithPath: text).lastPathComponent, "\(text)")
        }
    }
}
