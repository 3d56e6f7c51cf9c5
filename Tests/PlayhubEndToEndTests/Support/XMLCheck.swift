import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML checks for the sitemap and the feed: schema validation with xmllint (Debian's
/// libxml2-utils, which `make test` installs) against the sitemaps.org XSDs kept in
/// Fixtures/xsd, and a well-formedness parse with Foundation's XMLParser.
enum XMLCheck {
    static let xsdFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/xsd")

    /// xmllint's complaints about `file` against `schema` ("sitemap.xsd", "siteindex.xsd"); empty when valid.
    static func validate(_ file: URL, schema: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xmllint", "--noout", "--schema", xsdFolder.appendingPathComponent(schema).path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        do { try process.run() } catch { return "cannot run xmllint: \(error)" }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? "" : output
    }

    /// Element names and texts of a well-formed document, or nil when it does not parse.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var texts: [String: [String]] = [:]
        private var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            elements.append((name, attributes)); text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(text); text = ""
        }
    }

    static func parse(_ data: Data) -> Collector? {
        let parser = XMLParser(data: data)
        let collector = Collector()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }
}
