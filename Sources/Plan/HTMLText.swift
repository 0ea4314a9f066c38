import DisplayText

/// Content text made safe to place in HTML, in element content and in quoted attribute values.
/// Nothing a content file holds can open a tag, start a script or break out of an attribute.
enum HTMLText {
    static func escaped(_ text: String) -> String { DisplayText.htmlEscaped(text) }

    /// Prose as paragraphs: a blank line in the content starts a new one.
    static func paragraphs(_ text: String, class name: String? = nil) -> String {
        let open = name.map { "<p class=\"\(escaped($0))\">" } ?? "<p>"
        return text.components(separatedBy: "\n\n")
            .map { $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }
            .filter { !$0.isEmpty }
            .map { open + escaped($0) + "</p>" }
            .joined(separator: "\n")
    }
}
