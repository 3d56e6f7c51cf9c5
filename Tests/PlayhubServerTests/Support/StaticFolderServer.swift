import Foundation
import Glibc
@testable import PlayhubServer

/// The plainest web server that can show a built folder to a browser: one thread, one
/// request per connection, GET only, no live-reload script injected (a page a test drives must
/// be exactly what `build` wrote, and must not hold an event stream open).
final class StaticFolderServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let folder: URL
    private let stopped = Locked(false)
    private let served = Locked<[(path: String, bytes: Int)]>([])

    /// Every request answered so far: its path (without the query) and the body's bytes.
    var log: [(path: String, bytes: Int)] { served.current }
    func clearLog() { served.withLock { $0 = [] } }

    init(folder: URL) throws {
        self.folder = folder
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw POSIXError(.EMFILE) }
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(listener, socketAddress, length) == 0 && listen(listener, 16) == 0
                    && getsockname(listener, socketAddress, &length) == 0
            }
        }
        guard bound else { close(listener); throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in serve() }
    }

    func stop() {
        stopped.withLock { $0 = true }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while !stopped.current {
            let connection = accept(listener, nil, nil)
            if connection < 0 { if stopped.current { return } else { continue } }
            answer(connection)
            close(connection)
        }
    }

    private func answer(_ connection: Int32) {
        var request = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !request.contains(Data("\r\n\r\n".utf8)) {
            let count = read(connection, &buffer, buffer.count)
            if count <= 0 { return }
            request.append(contentsOf: buffer[0..<count])
        }
        let line = String(decoding: request, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let parts = line.split(separator: " ")
        let requested = parts.count > 1 ? String(parts[1].split(separator: "?").first ?? "/") : "/"
        let path = requested.hasSuffix("/") ? requested + "index.html" : requested
        let file = folder.appendingPathComponent(String(path.dropFirst()))
        let body: Data, status: String
        if !path.contains(".."), let data = try? Data(contentsOf: file) { (body, status) = (data, "200 OK") } else { (body, status) = (Data("Not found\n".utf8), "404 Not Found") }
        let types = ["html": "text/html; charset=utf-8", "css": "text/css", "js": "text/javascript", "json": "application/json"]
        let type = types[file.pathExtension] ?? "application/octet-stream"
        served.withLock { $0.append((requested, body.count)) }
        var response = Data("HTTP/1.1 \(status)\r\nContent-Type: \(type)\r\nContent-Length: \(body.count)\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n".utf8)
        response.append(body)
        _ = response.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = write(connection, bytes.baseAddress! + sent, bytes.count - sent)
                if n <= 0 { break }
                sent += n
            }
            return sent
        }
    }
}
