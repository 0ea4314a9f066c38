import Foundation
import Testing
@testable import Programme

/// One planted fault per kind of problem the checker reports. Each expected report is a golden
/// file under Golden/errors/, and Manuals/content-authoring.md quotes them as its catalogue.
enum PlantedFault: String, CaseIterable, Sendable {
    case yamlSyntax = "yaml-syntax"
    case tabIndentation = "tab-indentation"
    case duplicateKey = "duplicate-key"
    case unknownKey = "unknown-key"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case outOfRange = "out-of-range"
    case hugeMinutes = "huge-minutes"
    case notAChoice = "not-a-choice"
    case notAList = "not-a-list"
    case invalidIdentifier = "invalid-identifier"
    case duplicateIdentifier = "duplicate-identifier"
    case unknownRole = "unknown-role"
    case unknownFacilitatorRole = "unknown-facilitator-role"
    case facilitatorListedTwice = "facilitator-listed-twice"
    case noFacilitators = "no-facilitators"
    case leadNotAFacilitator = "lead-not-a-facilitator"
    case minutesDoNotAddUp = "minutes-do-not-add-up"
    case controlCharacter = "control-character"
    case directionOverride = "direction-override"
    case tooWide = "too-wide"
    case tooManyLines = "too-many-lines"
    case emptyText = "empty-text"
    case noFidelityItems = "no-fidelity-items"
    case missingSessionFile = "missing-session-file"
    case sessionListedTwice = "session-listed-twice"
    case unknownDoseSession = "unknown-dose-session"
    case bandsOutOfOrder = "bands-out-of-order"
    case scoreAndExcluded = "score-and-excluded"
    case badParticipantMask = "bad-participant-mask"
    case unlistedSessionFile = "unlisted-session-file"
    case emptyFile = "empty-file"
    case binaryFile = "binary-file"
    case notUTF8 = "not-utf8"
    case utf16 = "utf16"
    case hugeFile = "huge-file"
    case deeplyNested = "deeply-nested"
    case aliasBomb = "alias-bomb"
    case noProgramme = "no-programme"
    case weekAndDay = "week-and-day"

    func plant(in scratch: ScratchProgramme) throws {
        let group = "sessions/group-1.yaml"
        switch self {
        case .yamlSyntax:
            try scratch.replace(group, "title: Welcome and aims", with: "title: Welcome: and aims")
        case .tabIndentation:
            try scratch.replace(group, "    minutes: 20\n    lead: [nurse, lay]", with: "    minutes: 20\n\tlead: [nurse, lay]")
        case .duplicateKey:
            try scratch.replace(group, "    minutes: 20\n    lead: lay", with: "    minutes: 20\n    minutes: 25\n    lead: lay")
        case .unknownKey:
            try scratch.replace(group, "    minutes: 20\n    lead: lay", with: "    minuts: 20\n    lead: lay")
        case .missingField:
            try scratch.replace(group, "    key_messages:\n      - Everyone is welcome.\n", with: "")
        case .wrongType:
            try scratch.replace(group, "    minutes: 20\n    lead: [nurse, lay]", with: "    minutes: twenty\n    lead: [nurse, lay]")
        case .outOfRange:
            try scratch.replace("programme.yaml", "warning_minutes: 2", with: "warning_minutes: 90")
        case .hugeMinutes:
            // Int.max: summed with the other items' minutes, it would overflow.
            try scratch.replace(group, "    minutes: 20\n    lead: lay", with: "    minutes: 9223372036854775807\n    lead: lay")
        case .notAChoice:
            try scratch.replace(group, "kind: group", with: "kind: groop")
        case .notAList:
            try scratch.replace(group, "    aims:\n      - Set a relaxed tone.", with: "    aims: Set a relaxed tone.")
        case .invalidIdentifier:
            try scratch.replace(group, "id: g1-welcome\n", with: "id: G1 Welcome\n")
        case .duplicateIdentifier:
            try scratch.replace(group, "id: g1-practice\n", with: "id: g1-welcome\n")
        case .unknownRole:
            try scratch.replace(group, "lead: lay", with: "lead: lya")
        case .unknownFacilitatorRole:
            try scratch.replace(group, "planned_minutes: 60\n", with: "planned_minutes: 60\nfacilitators: [nurse, lya]\n")
        case .facilitatorListedTwice:
            try scratch.replace(group, "planned_minutes: 60\n", with: "planned_minutes: 60\nfacilitators: [nurse, lay, nurse]\n")
        case .noFacilitators:
            try scratch.replace(group, "planned_minutes: 60\n", with: "planned_minutes: 60\nfacilitators: []\n")
        case .leadNotAFacilitator:
            // The relaxation practice is led by the lay facilitator, whom the session no longer has.
            try scratch.replace(group, "planned_minutes: 60\n", with: "planned_minutes: 60\nfacilitators: [nurse]\n")
        case .minutesDoNotAddUp:
            try scratch.replace(group, "planned_minutes: 60", with: "planned_minutes: 75")
        case .controlCharacter:
            try scratch.replace(group, "- Introduce yourselves.", with: "- \"Introduce\\tyourselves.\"")
        case .directionOverride:
            try scratch.replace(group, "- Practice helps.", with: "- \"Practice \\u202Ehelps.\"")
        case .tooWide:
            try scratch.replace(group, "title: Relaxation practice", with: "title: Relaxation practice with a long guided breathing exercise and a body scan")
        case .tooManyLines:
            try scratch.replace(group, "- Lead the breathing exercise.", with: "- " + String(repeating: "Lead the breathing exercise slowly. ", count: 10))
        case .emptyText:
            try scratch.replace(group, "- Name badges", with: "- \"  \"")
        case .noFidelityItems:
            try scratch.replace(group, "    fidelity:\n      - id: g1-practice-1\n        behaviour: Leads the whole exercise.\n", with: "    fidelity: []\n")
        case .missingSessionFile:
            try scratch.replace("programme.yaml", "  - sessions/call-1.yaml", with: "  - sessions/call-01.yaml")
        case .sessionListedTwice:
            try scratch.replace("programme.yaml", "  - sessions/call-1.yaml", with: "  - sessions/call-1.yaml\n  - sessions/call-1.yaml")
        case .unknownDoseSession:
            try scratch.replace("programme.yaml", "sessions: [group-1]", with: "sessions: [group-2]")
        case .bandsOutOfOrder:
            try scratch.replace("programme.yaml", "low: 50", with: "low: 85")
        case .scoreAndExcluded:
            try scratch.replace("programme.yaml", "excluded: true}", with: "score: 0, excluded: true}")
        case .badParticipantMask:
            try scratch.replace("programme.yaml", "warning_minutes: 2\n", with: "warning_minutes: 2\nparticipant_codes: [\"P##\", \"PAT\"]\n")
        case .unlistedSessionFile:
            try scratch.write("sessions/call-2.yaml", try scratch.read("sessions/call-1.yaml"))
        case .emptyFile:
            try scratch.write("sessions/call-1.yaml", "# nothing yet\n")
        case .binaryFile:
            try scratch.write("sessions/call-1.yaml", Data([0x69, 0x64, 0x3A, 0x20, 0x0A, 0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]))
        case .notUTF8:
            // "Café" saved as Latin-1.
            try scratch.write("sessions/call-1.yaml", Data("id: call-1\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n".utf8))
        case .utf16:
            try scratch.write("sessions/call-1.yaml", Data([0xFF, 0xFE]) + "id: call-1\n".data(using: .utf16LittleEndian)!)
        case .hugeFile:
            try scratch.write("sessions/call-1.yaml", Data(repeating: 0x23, count: 3 << 20))
        case .deeplyNested:
            try scratch.write("sessions/call-1.yaml", "id: call-1\nagenda: " + String(repeating: "[", count: 100_000) + "\n")
        case .aliasBomb:
            var text = "id: call-1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for level in 1...8 {
                let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
                text += "a\(level): &a\(level) [\(refs)]\n"
            }
            text += "agenda: [*a8]\n"
            try scratch.write("sessions/call-1.yaml", text)
        case .noProgramme:
            try FileManager.default.removeItem(at: scratch.url("programme.yaml"))
        case .weekAndDay:
            try scratch.replace(group, "week: 1\nplanned_minutes: 60", with: "week: 1\nday: 3\nplanned_minutes: 60")
        }
    }
}

@Suite struct ErrorCatalogueTests {
    @Test(arguments: PlantedFault.allCases)
    func eachFaultIsReportedExactly(_ fault: PlantedFault) throws {
        let scratch = try ScratchProgramme()
        try fault.plant(in: scratch)
        let check = scratch.load()
        #expect(!check.diagnostics.isEmpty, "planting \(fault.rawValue) produced no report")
        if fault != .unlistedSessionFile {
            #expect(check.programme == nil, "a programme with errors must not load")
            #expect(check.diagnostics.errorCount > 0)
        }
        expectGolden(scratch.report(), "errors/\(fault.rawValue).txt")
    }

    @Test func manyFaultsAreAllReportedInOnePass() throws {
        let scratch = try ScratchProgramme()
        for fault in [PlantedFault.unknownKey, .unknownRole, .controlCharacter, .tooWide, .unknownDoseSession, .bandsOutOfOrder] {
            try fault.plant(in: scratch)
        }
        let messages = scratch.load().diagnostics.map(\.message)
        #expect(messages.count == 7, "\(messages)")   // the unknown key also leaves `minutes` missing
        #expect(messages.contains { $0.contains("unknown key `minuts`") })
        #expect(messages.contains { $0.contains("unknown role `lya`") })
        #expect(messages.contains { $0.contains("control character <U+0009>") })
        #expect(messages.contains { $0.contains("columns wide") })
        #expect(messages.contains { $0.contains("session `group-2`") })
        #expect(messages.contains { $0.contains("low band") })
    }

    /// The content-authoring manual's catalogue quotes every golden report, so it stays true.
    @Test func theManualQuotesEveryReport() throws {
        let manual = try String(contentsOf: Fixtures.repository.appendingPathComponent("Manuals/content-authoring.md"), encoding: .utf8)
        for fault in PlantedFault.allCases {
            let golden = try String(contentsOf: Fixtures.golden.appendingPathComponent("errors/\(fault.rawValue).txt"), encoding: .utf8)
            #expect(manual.contains(golden.trimmingCharacters(in: .newlines)), "Manuals/content-authoring.md lacks the report for \(fault.rawValue)")
        }
    }
}

@Suite struct HostileFileTests {
    /// Aliases that multiply: 400 activities, each an alias of one with 400 aliased fidelity items.
    /// The walk stops at its budget instead of visiting 160,000 items.
    @Test func aliasExpansionIsBounded() throws {
        let scratch = try ScratchProgramme()
        let items = Array(repeating: "*f", count: 400).joined(separator: ", ")
        let activities = Array(repeating: "*act", count: 400).joined(separator: ", ")
        try scratch.write("sessions/call-1.yaml", """
        id: call-1
        title: Call
        kind: one-to-one
        mode: telephone
        planned_minutes: 400
        agenda: [&act {id: c1-a, title: T, minutes: 1, lead: nurse, source: {kind: reconstructed, reference: R}, aims: [A], steps: [S], key_messages: [K], fidelity: [&f {id: c1-f, behaviour: B}, \(items)]}, \(activities)]

        """)
        let check = scratch.load()
        #expect(check.programme == nil)
        #expect(check.diagnostics.contains { $0.message.contains("expands to more than 100000 values") })
        #expect(check.diagnostics.filter { $0.path.hasSuffix("call-1.yaml") }.count == 1)
    }

    /// Digits too many for any whole number are out of range, said as such, never a trap.
    @Test func aNumberTooLongForAnIntIsOutOfRange() throws {
        let scratch = try ScratchProgramme()
        try scratch.replace("sessions/group-1.yaml", "    minutes: 20\n    lead: lay", with: "    minutes: 99999999999999999999\n    lead: lay")
        let check = scratch.load()
        #expect(check.programme == nil)
        #expect(check.diagnostics.map(\.message) == ["minutes is 99999999999999999999; it must be from 1 to 600"])
        #expect(check.diagnostics.map(\.line) == [42])
    }

    /// A FIFO where a session file belongs: reading it would wait for a writer forever. The check
    /// looks at the path without opening it and says what it is.
    @Test func aFIFOIsNotReadAndSaysSo() throws {
        let scratch = try ScratchProgramme()
        let path = scratch.url("sessions/call-1.yaml").path
        try FileManager.default.removeItem(atPath: path)
        #expect(mkfifo(path, 0o600) == 0)
        let check = scratch.load()
        #expect(check.programme == nil)
        let problems = check.diagnostics.filter { $0.path.hasSuffix("sessions/call-1.yaml") }
        #expect(problems.map(\.message) == ["call-1.yaml is not a regular file: it is a FIFO (named pipe)"])
        #expect(problems.map(\.line) == [1])
        #expect(problems.first?.severity == .error)
    }

    /// A device or a folder named as the programme file is refused the same way, never read.
    @Test func aDeviceOrAFolderIsNotRead() throws {
        let device = ProgrammeLoader.load(path: "/dev/zero")
        #expect(device.programme == nil)
        #expect(device.diagnostics.map(\.message) == ["zero is not a regular file: it is a character device"])
        let scratch = try ScratchProgramme()
        try FileManager.default.removeItem(at: scratch.url("sessions/call-1.yaml"))
        try FileManager.default.createDirectory(at: scratch.url("sessions/call-1.yaml"), withIntermediateDirectories: false)
        let folder = scratch.load().diagnostics.filter { $0.path.hasSuffix("sessions/call-1.yaml") }
        #expect(folder.map(\.message) == ["this is a folder, not a file"])
    }

    @Test func everyExcerptFitsAnEightyColumnTerminal() throws {
        for fault in [PlantedFault.deeplyNested, .tooManyLines, .tooWide] {
            let scratch = try ScratchProgramme()
            try fault.plant(in: scratch)
            for line in scratch.report().split(separator: "\n") where line.contains(" | ") {
                #expect(line.count <= 80, "\(fault.rawValue): \(line.prefix(90))")
            }
        }
    }
}
