import Foundation
import Yams

/// A parsed YAML file: its root node, or the parser's complaint as a diagnostic.
enum YAMLDocument {
    static func parse(_ file: SourceFile) -> Result<Node, Diagnostic> {
        do {
            guard let root = try Yams.compose(yaml: file.text) else {
                return .failure(file.diagnostic(line: 1, column: 1, "the file is empty",
                                                help: "A content file is a YAML mapping of keys and values; see Manuals/content-authoring.md for a complete example."))
            }
            return .success(root)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: file))
        } catch {
            return .failure(file.diagnostic(line: 1, column: 1, "the YAML could not be read",
                                            help: "Check the file against the example in Manuals/content-authoring.md."))
        }
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        let advice = "Check the indentation (spaces only, no tabs) and the quoting around this place; text containing ': ' or starting with a symbol needs quotes."
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            var message = "YAML syntax: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            var help = advice
            if problem.contains("tab") { help = "Indent with spaces, not tabs." }
            if problem.contains("undefined alias") { help = "Content files do not use anchors (&) or aliases (*): write the text out, or quote a value that starts with *." }
            if problem.contains("more than one document") || problem.contains("expected <document end>") || problem.contains("single document") {
                help = "A content file holds one document: remove the extra '---' line."
            }
            return file.diagnostic(line: max(1, mark.line), column: max(1, mark.column), message, help: help)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            return file.diagnostic(line: max(1, context.mark.line), column: max(1, context.mark.column),
                                   "the key \(keys) appears twice in the same mapping",
                                   help: "Keep one of them: YAML would silently use only one value.")
        case let .reader(problem, offset, _, _):
            let (line, column) = offset.map { SourceFile.position(ofByte: $0, in: Array(file.text.utf8)) } ?? (1, 1)
            return file.diagnostic(line: line, column: column, "the file cannot be read as YAML text: \(problem)",
                                   help: "Save the file as plain UTF-8 text without control characters.")
        default:
            return file.diagnostic(line: 1, column: 1, "the YAML could not be read (\(error))",
                                   help: "Check the file against the example in Manuals/content-authoring.md.")
        }
    }
}
