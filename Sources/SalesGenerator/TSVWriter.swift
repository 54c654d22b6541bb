#if canImport(Glibc)
import Glibc
#endif

/// Writes one table's rows as the tab-separated text `LOAD DATA INFILE` reads by default
/// (`\N` is NULL; text must hold no tab, newline or backslash, which generated text never does).
final class TSVWriter {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var rowStarted = false
    let path: String
    private(set) var rows = 0

    /// Creates (or empties) the file at `path`; throws when it cannot be opened.
    init(path: String) throws {
        guard let file = fopen(path, "w") else { throw GeneratorError("cannot write \(path)") }
        self.file = file
        self.path = path
        buffer.reserveCapacity(1 << 20)
    }

    private func separate() {
        if rowStarted { buffer.append(9) }
        rowStarted = true
    }

    func int(_ value: Int) {
        separate()
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        repeat {
            digits.append(UInt8(48 + magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        buffer.append(contentsOf: digits.reversed())
    }

    func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    func text(_ value: String) {
        separate()
        buffer.append(contentsOf: value.utf8)
    }

    func text(_ value: String?) {
        if let value { text(value) } else { null() }
    }

    func null() {
        separate()
        buffer.append(contentsOf: [92, 78])  // \N
    }

    func endRow() {
        buffer.append(10)
        rowStarted = false
        rows += 1
        if buffer.count >= 1 << 20 { flush() }
    }

    private func flush() {
        buffer.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, file) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes the file; throws when the disk refused it.
    func close() throws {
        flush()
        guard fclose(file) == 0 else { throw GeneratorError("cannot finish \(path)") }
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
