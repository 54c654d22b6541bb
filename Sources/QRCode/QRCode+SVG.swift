extension QRCode {
    /// The symbol as a self-contained SVG document (no XML declaration, so it can also be
    /// inlined in HTML): a white square with `quietZone` light modules on every side (the
    /// standard asks for 4) and one black path of the dark modules, one `h` run per row
    /// segment. The viewBox counts modules; `moduleSize` sets the drawn size in pixels.
    /// `title` (escaped) names the image for screen readers.
    public func svg(moduleSize: Int = 8, quietZone: Int = 4, title: String? = nil) -> String {
        let side = size + 2 * quietZone
        let pixels = side * moduleSize
        var path = ""
        for row in 0..<size {
            var column = 0
            while column < size {
                guard isDark(row: row, column: column) else {
                    column += 1
                    continue
                }
                let start = column
                while column < size && isDark(row: row, column: column) { column += 1 }
                path += "M\(start + quietZone) \(row + quietZone)h\(column - start)v1h-\(column - start)z"
            }
        }
        let label = title.map { "<title>\(Self.escapeXML($0))</title>" } ?? ""
        return """
            <svg xmlns="http://www.w3.org/2000/svg" role="img" width="\(pixels)" height="\(pixels)" \
            viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\(label)\
            <rect width="\(side)" height="\(side)" fill="#fff"/><path fill="#000" d="\(path)"/></svg>
            """
    }

    /// `text` safe inside XML or HTML text and attribute values.
    public static func escapeXML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
