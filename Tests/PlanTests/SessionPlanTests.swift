import Foundation
import Testing
import Programme
@testable import Plan

@Suite struct SessionPlanTests {
    func miniPlan(start: ClockTime = .defaultStart) throws -> SessionPlan {
        let programme = try Fixtures.load(Fixtures.mini)
        let session = try #require(programme.session("group-1"))
        return SessionPlan(programme: programme, session: session, start: start)
    }

    @Test func markdownMatchesGolden() throws {
        expectGolden(try miniPlan().markdown, "plan-group-1.md")
    }

    @Test func htmlMatchesGolden() throws {
        expectGolden(try miniPlan().html, "plan-group-1.html")
    }

    @Test func clockTimesRunFromTheStart() throws {
        let slots = try miniPlan().timetable.slots
        // Arrival 10 min and welcome 20 min from 09:30: the break, third, starts at 10:00.
        #expect(slots.map(\.span) == ["09:30–09:40", "09:40–10:00", "10:00–10:10", "10:10–10:30"])
        #expect(slots[2].start.description == "10:00")
        #expect(slots[2].item.kind == .break)

        let afternoon = try miniPlan(start: try #require(ClockTime(parsing: "13:45"))).timetable
        #expect(afternoon.slots[2].span == "14:15–14:25")
        #expect(afternoon.end.description == "14:45")
    }

    @Test func everyAgendaItemAppearsWithTimesAndMinutes() throws {
        let markdown = try miniPlan().markdown
        #expect(markdown.contains("| 09:30–09:40 | 10 | Arrival and register (arrival) |  |"))
        #expect(markdown.contains("| 09:40–10:00 | 20 | Welcome and aims | Nurse facilitator and Lay facilitator |"))
        #expect(markdown.contains("| 10:00–10:10 | 10 | Break (break) |  |"))
        #expect(markdown.contains("| 10:10–10:30 | 20 | Relaxation practice | Lay facilitator |"))
        #expect(markdown.contains("## 10:10–10:30 Relaxation practice"))
        #expect(markdown.contains("| `g1-practice-1` | Leads the whole exercise. | | | | |"))
    }

    @Test func headerNamesVersionFingerprintAndProvenance() throws {
        let programme = try Fixtures.load(Fixtures.mini)
        let plan = try miniPlan()
        for page in [plan.markdown, plan.html] {
            #expect(page.contains(programme.fingerprint))
            #expect(page.contains("Mini programme, version 1.0"))
            #expect(page.contains("60 minutes"))
            #expect(page.contains("1 of the 2 activities of this session is reconstructed content"))
            #expect(page.contains("Written for the tests; nothing here is published."))
        }
    }

    @Test func textFromContentIsEscapedInMarkdown() throws {
        let markdown = try miniPlan().markdown
        #expect(markdown.contains("3. Ask: pain \\| mood on a \\<0-10> scale & \\*one\\* word for today?"))
        #expect(markdown.contains("4. 1\\. Agree the ground rules & write them up."), "a leading 1. would nest a list")
        #expect(markdown.contains("- [ ] Pens \\| paper"))
        #expect(MarkdownText.inline("2026.1") == "2026.1")
        #expect(MarkdownText.inline("- not a list") == "\\- not a list")
        #expect(MarkdownText.inline("# not a heading") == "\\# not a heading")
        #expect(MarkdownText.inline("&amp; stays text") == "\\&amp; stays text")
        #expect(MarkdownText.inline("line\nbreak") == "line break")
        #expect(MarkdownText.code("a`b") == "``a`b``")
    }

    @Test func textFromContentIsEscapedInHTML() throws {
        var programme = try Fixtures.load(Fixtures.mini)
        programme.sessions[0].title = "<script>alert(1)</script> & \"quotes\""
        programme.sessions[0].agenda[1].fidelity[0].behaviour = "Says <b>hello</b>"
        programme.sessions[0].agenda[1].id = "x\" onmouseover=\"alert(1)"
        let html = SessionPlan(programme: programme, session: programme.sessions[0]).html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(!html.contains("\" onmouseover"))
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>"))
        #expect(html.contains("Says &lt;b&gt;hello&lt;/b&gt;"))
        #expect(html.contains("<li>Ask: pain | mood on a &lt;0-10&gt; scale &amp; *one* word for today?</li>"))
    }

    @Test func htmlIsSelfContainedAndPrintable() throws {
        let html = try miniPlan().html
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("<script"))
        for outside in ["src=", "http:", "https:", "//", "file:", "@import", "url("] {
            #expect(!html.contains(outside), "the page must not fetch anything: found \(outside)")
        }
    }

    @Test func leadsAreRoleTitlesInTheContentsOrder() throws {
        let programme = try Fixtures.load(Fixtures.bundled)
        let session = try #require(programme.session("day-3"))
        let plan = SessionPlan(programme: programme, session: session)
        let setbacks = try #require(session.agenda.first { $0.id == "d3-setbacks-future" })
        #expect(plan.leadTitles(of: setbacks) == ["Lay facilitator", "Nurse facilitator"])
        #expect(plan.timetable.end.description == "15:00", "330 minutes from 09:30")
        #expect(plan.provenanceNote.hasPrefix("All 9 activities of this session are reconstructed content"))
    }

    @Test func provenanceNoteCountsOutlinesAndReconstructed() throws {
        let programme = try Fixtures.load(Fixtures.bundled)
        let day1 = SessionPlan(programme: programme, session: try #require(programme.session("day-1")))
        #expect(day1.provenanceNote == "3 of the 11 activities of this session are reconstructed content, written for this pack, not taken from an official manual; 8 follow a published outline, with only their titles and aims published and their steps, timings and fidelity items reconstructed. Each activity names its source.")
        let markdown = day1.markdown
        #expect(markdown.contains("Source (outline): Development paper (BMJ Open 2022;12:e053725), Table 2, day 1 row 4\n\nOnly the title and aims are published; the steps, timings and fidelity items are reconstructed.\n"))
        #expect(day1.html.contains("<p class=\"meta\">Only the title and aims are published; the steps, timings and fidelity items are reconstructed.</p>"))
        // A reconstructed activity carries no such line.
        #expect(markdown.components(separatedBy: "Only the title and aims are published").count == 9)
    }
}

@Suite struct ClockTimeTests {
    @Test func readsTwentyFourHourTimes() {
        #expect(ClockTime(parsing: "09:30")?.minutes == 570)
        #expect(ClockTime(parsing: "9:30")?.description == "09:30")
        #expect(ClockTime(parsing: "00:00")?.minutes == 0)
        #expect(ClockTime(parsing: "23:59")?.minutes == 1439)
    }

    @Test func refusesAnythingElse() {
        for text in ["", "9", "930", "09:3", "09:300", "24:00", "12:60", "-1:00", "ab:cd", "09:30am", " 09:30", "٠٩:٣٠", "+9:30"] {
            #expect(ClockTime(parsing: text) == nil, "\(text)")
        }
    }

    @Test func wrapsPastMidnight() {
        #expect(ClockTime(hour: 23, minute: 30).adding(minutes: 45).description == "00:15")
        #expect(ClockTime(minutesSinceMidnight: -30).description == "23:30")
    }
}
