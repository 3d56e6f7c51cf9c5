import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 client over a plain socket to 127.0.0.1. URLSession would clean up
/// `/../` before sending it and follow redirects by itself; the tests need to send paths
/// exactly as written and see every status. Every read has a timeout.
enum RawHTTP {
    struct Response {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static func get(_ port: Int, _ path: String, method: String = "GET", headers: [String: String] = [:],
                    timeout: Double = 10) throws -> Response {
        let socket = try Socket(port: port, timeout: timeout)
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try socket.send(request + "\r\n")
        let deadline = Date().addingTimeInterval(timeout)
        var data = Data()
        while Date() < deadline {
            guard let chunk = try socket.receive() else { break }   // EOF
            data.append(chunk)
        }
        return try parse(data, head: method == "HEAD")
    }

    static func parse(_ data: Data, head: Bool) throws -> Response {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete response: \(String(decoding: data, as: UTF8.self))")
        }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines[0])") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if head { body = Data() } else if let length = headers["content-length"].flatMap(Int.init) { body = body.prefix(length) }
        return Response(status: status, headers: headers, body: body)
    }
}

/// A connected TCP socket with send and receive timeouts.
final class Socket: @unchecked Sendable {
    // @unchecked: a socket is used by one thread at a time.
    let fd: Int32

    init(port: Int, timeout: Double) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawHTTP.Failure(description: "socket() failed") }
        var time = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw RawHTTP.Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
    }

    deinit { close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw RawHTTP.Failure(description: "send failed") }
            sent += count
        }
    }

    /// Some bytes, nil at EOF; throws when nothing came within the timeout.
    func receive() throws -> Data? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count == 0 { return nil }
        guard count > 0 else { throw RawHTTP.Failure(description: "receive timed out or failed (errno \(errno))") }
        return Data(buffer[..<count])
    }

    /// Reads (and drops) whatever comes until the server closes the connection. False when it
    /// is still open after `timeout` seconds; each read waits at most the socket's timeout.
    func waitForClose(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }   // EOF
            if count < 0, errno != EAGAIN, errno != EWOULDBLOCK, errno != EINTR { return true }   // reset
        }
        return false
    }
}

/// An open live-reload event stream, read as text.
final class EventStream: @unchecked Sendable {
    // @unchecked: one test owns each stream and reads it from one thread at a time.
    private let socket: Socket
    private(set) var text = ""

    init(port: Int) throws {
        socket = try Socket(port: port, timeout: 0.2)
        try socket.send("GET /__playhub/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    /// Reads until `text` holds `needle` `count` times, or until `timeout` passes.
    func waitFor(_ needle: String, count: Int = 1, timeout: Double = 15) async -> Bool {
        (try? await offPool { self.blockingWaitFor(needle, count: count, timeout: timeout) }) ?? false
    }

    private func blockingWaitFor(_ needle: String, count: Int, timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while occurrences(of: needle) < count {
            guard Date() < deadline else { return false }
            do {
                guard let chunk = try socket.receive() else { return false }   // the server closed it
                text += String(decoding: chunk, as: UTF8.self)
            } catch {
                continue   // nothing within 0.2 s: look at the deadline again
            }
        }
        return true
    }

    func occurrences(of needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
}
