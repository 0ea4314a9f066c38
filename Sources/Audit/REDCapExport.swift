import DeliveryFacts
import Foundation
import Journal

/// `iwotch export redcap`: a data dictionary, a records file and the repeating-instrument
/// settings that a REDCap project imports. One record per delivery; each fidelity item,
/// each participant's attendance and each supervisor review is an instance of a repeating
/// instrument, so a new content version never changes the dictionary. Values are raw codes.
/// Every value goes through `CSV.field`, so a site, group or code that a spreadsheet would take
/// for a formula arrives with a leading `'` (see `CSV.neutralised`); figures (a negative kappa
/// such as -0.250 too) and answer codes stay as they are.
public enum REDCapExport {
    public static let dictionaryHeader = ["Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
                                          "Choices, Calculations, OR Slider Labels", "Field Note", "Text Validation Type OR Show Slider Number",
                                          "Text Validation Min", "Text Validation Max", "Identifier?", "Branching Logic (Show field only if...)",
                                          "Required Field?", "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
                                          "Matrix Ranking?", "Field Annotation"]

    struct Field {
        var name: String, form: String, type: String, label: String
        var choices = "", note = "", validation = "", identifier = "", branching = ""
    }

    static let forms = ["session_delivery", "component_fidelity", "attendance", "supervisor_review"]
    static let repeating = ["component_fidelity": "Fidelity item", "attendance": "Attendance", "supervisor_review": "Supervisor review"]

    static let fields: [Field] = [
        Field(name: "record_id", form: "session_delivery", type: "text", label: "Delivery id", note: "DATE-GROUP-SESSION-xxxxxxxx, as in the journal"),
        Field(name: "session_id", form: "session_delivery", type: "text", label: "Session in the content files"),
        Field(name: "content_programme", form: "session_delivery", type: "text", label: "Programme id"),
        Field(name: "content_version", form: "session_delivery", type: "text", label: "Content version"),
        Field(name: "content_fingerprint", form: "session_delivery", type: "text", label: "Content fingerprint (SHA-256)"),
        Field(name: "session_date", form: "session_delivery", type: "text", label: "Date delivered (local)", validation: "date_ymd"),
        Field(name: "start_utc", form: "session_delivery", type: "text", label: "Opened (UTC)", note: "UTC, not local time", validation: "datetime_seconds_ymd"),
        Field(name: "end_utc", form: "session_delivery", type: "text", label: "Closed (UTC)", note: "UTC, not local time; empty while open", validation: "datetime_seconds_ymd"),
        Field(name: "site", form: "session_delivery", type: "text", label: "Site code"),
        Field(name: "group_code", form: "session_delivery", type: "text", label: "Group code"),
        Field(name: "fac1_code", form: "session_delivery", type: "text", label: "Facilitator 1 (staff code)"),
        Field(name: "fac1_role", form: "session_delivery", type: "text", label: "Facilitator 1 role (role id in the content)"),
        Field(name: "fac2_code", form: "session_delivery", type: "text", label: "Facilitator 2 (staff code)"),
        Field(name: "fac2_role", form: "session_delivery", type: "text", label: "Facilitator 2 role (role id in the content)"),
        Field(name: "participants", form: "session_delivery", type: "text", label: "Participants on the roster", validation: "integer"),
        Field(name: "attended", form: "session_delivery", type: "text", label: "Participants who attended", validation: "integer"),
        Field(name: "adh_score", form: "session_delivery", type: "text", label: "Adherence score", validation: "integer"),
        Field(name: "adh_max", form: "session_delivery", type: "text", label: "Adherence maximum (applicable rated items)", validation: "integer"),
        Field(name: "adh_pct", form: "session_delivery", type: "text", label: "Adherence (% of maximum)", validation: "number"),
        Field(name: "session_closed", form: "session_delivery", type: "yesno", label: "Closed by the facilitators?"),
        Field(name: "session_signed", form: "session_delivery", type: "yesno", label: "Signed off by every facilitator?"),
        Field(name: "corrections", form: "session_delivery", type: "text", label: "Corrections applied", validation: "integer"),
        Field(name: "dose_rule", form: "session_delivery", type: "notes", label: "Dose rule in force"),
        Field(name: "journal_check_passed", form: "session_delivery", type: "yesno", label: "Journal passed iwotch journal check at export?",
              note: "The head vouches for the journal's earlier lines only when the check passed"),
        Field(name: "journal_head_hash", form: "session_delivery", type: "text", label: "Journal chain head at export", note: "Changes when lines are added or the last line changes; an edit to an earlier line shows only in iwotch journal check"),
        Field(name: "comp_activity", form: "component_fidelity", type: "text", label: "Activity id"),
        Field(name: "comp_item", form: "component_fidelity", type: "text", label: "Fidelity item id"),
        Field(name: "comp_adherence", form: "component_fidelity", type: "radio", label: "Delivered as planned?",
              choices: "2, Fully | 1, Partly | 0, Not delivered | na, Not applicable", note: "Empty when the item was not rated"),
        Field(name: "comp_by", form: "component_fidelity", type: "text", label: "Delivered by (role ids)", branching: "[comp_adherence] <> '0' and [comp_adherence] <> 'na'"),
        Field(name: "comp_planned_min", form: "component_fidelity", type: "text", label: "Activity planned minutes", validation: "integer"),
        Field(name: "comp_actual_min", form: "component_fidelity", type: "text", label: "Activity actual minutes", validation: "number"),
        Field(name: "comp_adapted", form: "component_fidelity", type: "yesno", label: "Adapted?"),
        Field(name: "comp_adapt_planned", form: "component_fidelity", type: "radio", label: "Adaptation planned or reactive",
              choices: "1, Planned | 2, Reactive", branching: "[comp_adapted] = '1'"),
        Field(name: "comp_adapt_consistent", form: "component_fidelity", type: "yesno", label: "Fidelity-consistent adaptation?", branching: "[comp_adapted] = '1'"),
        Field(name: "comp_source", form: "component_fidelity", type: "radio", label: "Rating source", choices: "1, Facilitator self-report"),
        Field(name: "att_pcode", form: "attendance", type: "text", label: "Participant code", note: "Pseudonymous", identifier: "y"),
        Field(name: "att_status", form: "attendance", type: "radio", label: "Attendance",
              choices: "1, Present | 2, Late | 3, Left early | 4, Late and left early | 0, Absent", note: "Empty when not marked"),
        Field(name: "att_notice", form: "attendance", type: "radio", label: "Absence notified?", choices: "1, Notified | 0, Not notified", branching: "[att_status] = '0'"),
        Field(name: "att_contact", form: "attendance", type: "radio", label: "One-to-one contact outcome",
              choices: "1, Attended | 0, Did not attend | 2, Not answered | 3, Rearranged", note: "One-to-one sessions only; empty when not marked"),
        Field(name: "rev_rater", form: "supervisor_review", type: "text", label: "Supervisor (staff code)"),
        Field(name: "rev_date", form: "supervisor_review", type: "text", label: "Date reviewed (UTC)", validation: "date_ymd"),
        Field(name: "rev_method", form: "supervisor_review", type: "radio", label: "Method", choices: "1, Live | 2, Audio | 3, Transcript"),
        Field(name: "rev_competence", form: "supervisor_review", type: "text", label: "Competence (score on the scale recorded with the review)", validation: "integer"),
        Field(name: "rev_items", form: "supervisor_review", type: "text", label: "Items rated by both (not applicable on either side left out)", validation: "integer"),
        Field(name: "rev_agreement_pct", form: "supervisor_review", type: "text", label: "Exact agreement with self-report (%)", validation: "number"),
        Field(name: "rev_kappa", form: "supervisor_review", type: "text", label: "Cohen's kappa with self-report", validation: "number"),
    ]

    public static func dictionary() -> String {
        var out = CSV.line(dictionaryHeader)
        for field in fields {
            out += CSV.line([field.name, field.form, "", field.type, field.label, field.choices, field.note, field.validation, "", "",
                             field.identifier, field.branching, field.name == "record_id" ? "y" : "", "", "", "", "", ""])
        }
        return out
    }

    /// Settings for REDCap's repeating instruments (form_name, custom_form_label).
    public static func repeatingInstruments() -> String {
        CSV.line(["form_name", "custom_form_label"]) + forms.compactMap { form in repeating[form].map { CSV.line([form, $0]) } }.joined()
    }

    /// Columns of the records file: the record id, the repeat columns, then each form's fields and its `_complete`.
    static var columns: [String] {
        var columns = ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"]
        for form in forms {
            columns += fields.filter { $0.form == form && $0.name != "record_id" }.map(\.name)
            columns.append(form + "_complete")
        }
        return columns
    }

    /// `heads` and `checked`: each delivery's journal's chain head and whether that file passed
    /// `iwotch journal check` (the verdict beside the head, as in the reports).
    public static func records(_ deliveries: [DeliveryRecord], heads: [String: String], checked: [String: Bool] = [:]) -> String {
        let columns = columns
        var out = CSV.line(columns)
        for record in deliveries.sorted(by: { $0.id < $1.id }) {
            var rows = rows(record, head: heads[record.id] ?? "")
            rows[0]["journal_check_passed"] = checked[record.id].map { $0 ? "1" : "0" } ?? ""
            for row in rows {
                out += CSV.line(columns.map { row[$0] ?? "" })
            }
        }
        return out
    }

    static func utc(_ date: Date?) -> String {
        guard let date else { return "" }
        let text = Timestamp.format(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8))
    }

    static func rows(_ record: DeliveryRecord, head: String) -> [[String: String]] {
        // Complete (2) once a supervisor has reviewed it; Unverified (1) for self-report alone.
        let complete = record.reviews.isEmpty ? "1" : "2"
        let adherence = record.adherence
        var main: [String: String] = [
            "record_id": record.id, "session_id": record.sessionID, "content_programme": record.opened.programme.id,
            "content_version": record.programmeVersion, "content_fingerprint": record.opened.programme.fingerprint,
            "session_date": record.date, "start_utc": utc(record.openedAt), "end_utc": utc(record.closedAt),
            "site": record.site, "group_code": record.group,
            "participants": String(record.roster.count), "attended": String(record.attendees.count),
            "adh_score": String(adherence.score), "adh_max": String(adherence.maximum),
            "adh_pct": adherence.percent.map { Format.fixed($0, 1) } ?? "",
            "session_closed": record.isClosed ? "1" : "0", "session_signed": record.isSigned ? "1" : "0",
            "corrections": String(record.corrections),
            "dose_rule": "at least \(record.opened.dose.minimum)\(record.opened.dose.countsContacts ? " contacts" : "") of \(record.opened.dose.sessions.joined(separator: " "))",
            "journal_head_hash": head, "session_delivery_complete": complete,
        ]
        for (index, facilitator) in record.facilitators.prefix(2).enumerated() {
            main["fac\(index + 1)_code"] = facilitator.code
            main["fac\(index + 1)_role"] = facilitator.role
        }
        var rows = [main]
        let scale = record.opened.fidelityScale
        for (index, item) in record.items.enumerated() {
            let code: String
            if let level = item.level { code = scale.first { $0.id == level }?.score.map(String.init) ?? "na" } else { code = "" }
            let planned = record.opened.session.agenda.first { $0.id == item.activity }?.minutes
            var row: [String: String] = [
                "record_id": record.id, "redcap_repeat_instrument": "component_fidelity", "redcap_repeat_instance": String(index + 1),
                "comp_activity": item.activity, "comp_item": item.item, "comp_adherence": code,
                // The dictionary's branching logic hides comp_by for not delivered and not applicable:
                // REDCap refuses (or drops) a value in a hidden field, so none is written there.
                "comp_by": code == "0" || code == "na" ? "" : item.deliveredBy.joined(separator: " "), "comp_planned_min": planned.map(String.init) ?? "",
                "comp_actual_min": record.minutes(of: item.activity).map { Format.fixed($0, 1) } ?? "",
                "comp_adapted": item.isRated ? (item.adaptation == nil ? "0" : "1") : "",
                "comp_source": item.isRated ? "1" : "", "component_fidelity_complete": complete,
            ]
            if let adaptation = item.adaptation {
                row["comp_adapt_planned"] = adaptation.timing == .planned ? "1" : "2"
                row["comp_adapt_consistent"] = adaptation.fidelityConsistent ? "1" : "0"
            }
            rows.append(row)
        }
        for (index, code) in record.roster.enumerated() {
            var row: [String: String] = ["record_id": record.id, "redcap_repeat_instrument": "attendance", "redcap_repeat_instance": String(index + 1),
                                         "att_pcode": code, "attendance_complete": complete]
            switch record.attendance[code] {
            case .present?: row["att_status"] = "1"
            case .late?: row["att_status"] = "2"
            case .leftEarly?: row["att_status"] = "3"
            case .lateAndLeftEarly?: row["att_status"] = "4"
            case .absent?: row["att_status"] = "0"; row["att_notice"] = record.notified[code].map { $0 ? "1" : "0" } ?? ""
            case nil: break
            }
            // A one-to-one's outcome, by the one rule (`ContactOutcome`).
            if record.opened.session.isOneToOne {
                switch record.contactOutcome(of: code) {
                case .attended: row["att_contact"] = "1"
                case .didNotAttend: row["att_contact"] = "0"
                case .notAnswered: row["att_contact"] = "2"
                case .rearranged: row["att_contact"] = "3"
                case .notMarked: break
                }
            }
            rows.append(row)
        }
        for (index, review) in record.reviews.enumerated() {
            // The fidelity report's rule: items either side rated not applicable are left out.
            let agreement = Agreement(Agreement.pairs(record, review.review))
            let method = switch review.review.method { case .live: "1"; case .audio: "2"; case .transcript: "3" }
            rows.append(["record_id": record.id, "redcap_repeat_instrument": "supervisor_review", "redcap_repeat_instance": String(index + 1),
                         "rev_rater": review.rater, "rev_date": String(Timestamp.format(review.at).prefix(10)), "rev_method": method,
                         "rev_competence": String(review.review.competence), "rev_items": String(agreement.pairs),
                         "rev_agreement_pct": agreement.percent.map { Format.fixed($0, 1) } ?? "",
                         "rev_kappa": agreement.kappa.map { Format.fixed($0, 3) } ?? "", "supervisor_review_complete": "2"])
        }
        return rows
    }
}
