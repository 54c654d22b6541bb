/// What a text field may hold, checked in one place for every service (`JSONBody.string`).
///
/// Lengths are counted in Unicode code points (scalars): how the OpenAPI document's
/// `minLength`/`maxLength` count (JSON Schema) and how MariaDB's `VARCHAR(n)` counts, so a value
/// the document allows is accepted and a value accepted always fits its column. "e" + U+0301
/// is one character on screen but two code points. (Counting the lower bound in grapheme
/// clusters refused 8-code-point passwords the document allows: schemathesis found it.)
public enum TextRule: Sendable {
    /// Names, notes, reasons, references: one line. Control characters (C0, C1, DEL), line and
    /// paragraph separators and bidirectional overrides are refused, so nothing stored can
    /// break a log line, forge a receipt line or reorder what a person reads.
    case singleLine
    /// Free text shown as a block (a menu item's description): also allows line feeds and tabs.
    case multiline
    /// Passwords: never stored or shown as text, so any character counts; only the length is checked.
    case secret

    /// Why `text` may not be stored in a field of `length` characters, or nil when it may.
    public func problem(with text: String, length: ClosedRange<Int>) -> String? {
        Self.lengthProblem(text, length: length) ?? characterProblem(text)
    }

    /// Why `text` is too short or too long for a field of `length` code points, if it is.
    public static func lengthProblem(_ text: String, length: ClosedRange<Int>) -> String? {
        guard length.contains(text.unicodeScalars.count) else {
            return "must be \(length.lowerBound) to \(length.upperBound) characters long"
        }
        return nil
    }

    /// Why `text` holds a character this rule refuses, if it does.
    public func characterProblem(_ text: String) -> String? {
        switch self {
        case .secret:
            return nil
        case .singleLine:
            return text.unicodeScalars.contains(where: Self.isUnsafe) ? "must be one line without control characters" : nil
        case .multiline:
            let unsafe = text.unicodeScalars.contains { $0 != "\n" && $0 != "\t" && Self.isUnsafe($0) }
            return unsafe ? "must not contain control characters" : nil
        }
    }

    /// `text` with every character that could reshape a printed line (controls, separators,
    /// bidi overrides) replaced by U+FFFD: for output built from stored text (receipts), whatever
    /// older rows or other writers left there.
    public static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isUnsafe(scalar) ? "\u{FFFD}" : scalar)
        }
        return String(scalars)
    }

    /// C0 and C1 controls and DEL, U+2028/U+2029, and the bidi embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another order than stored.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
