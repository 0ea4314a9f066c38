import Foundation
import Journal

/// Which sessions each facilitator code is signed off to deliver, from the trainers' assessments
/// on this laptop (`assessments/`, with the rehearsals they assess): the latest decision on a
/// code's rehearsals of a session is "ready". The live set-up screen notes a missing sign-off; it
/// never blocks a delivery (a facilitator may have been signed off on another laptop).
enum SignOffs {
    static func read(_ directory: JournalDirectory) -> [String: Set<String>] {
        var latest: [String: [String: (Date, SupervisorReview.Decision)]] = [:]   // code -> session -> decision
        for url in directory.assessmentFiles() {
            guard let journal = try? ReadJournal.read(url) else { continue }
            for (_, event) in journal.events {
                guard case .supervisorReview(let review) = event.body, let decision = review.decision else { continue }
                let rehearsal = directory.folder(for: .rehearsal).appendingPathComponent(event.delivery + ".jsonl")
                guard let data = try? RawJournal.readData(rehearsal),
                      let first = data.split(separator: 0x0A, maxSplits: 1).first,
                      case .success(let opening) = LineCodec.decode(Data(first)),
                      case .deliveryOpened(let opened) = opening.body else { continue }
                for facilitator in opened.facilitators {
                    let code = Code.canonical(facilitator.code)
                    if latest[code]?[opened.session.id].map({ $0.0 <= event.time }) ?? true {
                        latest[code, default: [:]][opened.session.id] = (event.time, decision)
                    }
                }
            }
        }
        return latest.mapValues { Set($0.filter { $0.value.1 == .ready }.keys) }
    }
}
