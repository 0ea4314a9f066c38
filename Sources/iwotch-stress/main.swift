// Appends events to a journal until it is killed, acknowledging each one on standard output only
// after `append` has returned (that is, after fsync). The crash-injection test kills it at random
// moments and then proves every acknowledged event is in the journal. Also handy for trying a disk:
//   iwotch-stress FOLDER [COUNT]
import Foundation
import Journal
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: iwotch-stress FOLDER [COUNT]\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1])
let count = arguments.count > 2 ? Int(arguments[2]) ?? Int.max : Int.max
let delivery = "2026-03-04-G01-group-1-stress00"
let file = folder.appendingPathComponent(delivery + ".jsonl")

/// One line on standard output, written straight to the descriptor: no buffer to lose when killed.
func acknowledge(_ event: JournalEvent) {
    let line = "\(event.seq) \(event.id.uuidString.lowercased())\n"
    _ = line.withCString { write(STDOUT_FILENO, $0, strlen($0)) }
}

do {
    let writer: JournalWriter
    if FileManager.default.fileExists(atPath: file.path) {
        writer = try JournalWriter.open(file)
        // A writer killed between opening the journal and enrolling leaves no participant yet.
        if !(try ReadJournal.read(file).state.roster.contains("P01")) {
            acknowledge(try writer.append(.participantEnrolled(.init(participant: "P01", walkIn: false)), actor: "N01", at: Date()))
        }
    } else {
        let opened = DeliveryOpened(
            programme: .init(id: "mini", version: "1.0", fingerprint: "sha256:" + String(repeating: "0", count: 64)),
            session: .init(id: "group-1", title: "Group session", kind: "group", mode: "face-to-face", plannedMinutes: 60,
                           agenda: [.init(id: "g1-welcome", kind: "activity", title: "Welcome", minutes: 60, lead: ["nurse"], fidelity: ["g1-welcome-1"])]),
            group: "G01", site: "S01", facilitators: [.init(code: "N01", role: "nurse")],
            dose: .init(sessions: ["group-1"], minimum: 1, description: "Attended."),
            fidelityScale: [.init(id: "fully", label: "Fully", score: 2), .init(id: "not-delivered", label: "Not", score: 0)],
            bands: .init(high: 80, low: 50))
        let (created, first) = try JournalWriter.create(in: folder, delivery: delivery, mode: .live, opening: opened, actor: "N01", at: Date())
        writer = created
        acknowledge(first)
        acknowledge(try writer.append(.participantEnrolled(.init(participant: "P01", walkIn: false)), actor: "N01", at: Date()))
    }
    var written = 0
    while written < count {
        let body: EventBody
        switch written % 3 {
        case 0: body = .attendanceMarked(.init(participant: "P01", status: written % 2 == 0 ? .present : .late, arrivedAt: Date()))
        case 1: body = .stepShown(.init(activity: "g1-welcome", step: written % 7))
        default: body = .noteAdded(.init(text: String(repeating: "note ", count: written % 40), activity: "g1-welcome"))
        }
        acknowledge(try writer.append(body, actor: "N01", at: Date()))
        written += 1
    }
} catch {
    FileHandle.standardError.write(Data("iwotch-stress: \(error)\n".utf8))
    exit(1)
}
