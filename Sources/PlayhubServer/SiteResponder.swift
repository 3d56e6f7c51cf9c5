import Foundation
import Hummingbird
import PlayhubKit

/// Answers every request of the preview: the live-reload event stream, and files of the
/// last good build under the site's base path, with the live-reload script (and, after a
/// failed rebuild, the error overlay) put into each HTML page as it is served.
///
/// Only GET and HEAD; clean URLs (`/x/` → `x/index.html`, `/x` → redirect to `/x/`); the
/// site's `404.html` with status 404; `ETag`/`If-None-Match`; and `Cache-Control: no-cache`,
/// so a browser revalidates every time and never shows a page older than the last build.
/// Pages are read whole, to put the script in; every other file is streamed from disk
/// (`StreamedFile`) and answers `Range` requests with 206.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let rebuilder: Rebuilder
    let liveReload: LiveReload

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let state = rebuilder.current
        let path = request.uri.path
        if path == LiveReload.eventsPath {
            return events(state, head: request.method == .head)
        }
        guard let relative = Self.siteRelative(path, basePath: state.basePath) else {
            if path == "/" || path == String(state.basePath.dropLast()) { return redirect(to: state.basePath) }
            return notFound(request, state)
        }
        switch SafePath.resolve(relative, in: state.outputDir.path) {
        case .file(let file):
            return serve(file, status: .ok, request, state)
        case .redirect(let folder):
            return redirect(to: String(state.basePath.dropLast()) + folder)
        case .notFound:
            return notFound(request, state)
        case .badRequest:
            return plain(FallbackPages.badRequest, status: .badRequest, request)
        }
    }

    /// The path below the base path (starting with `/`), or nil when it is outside it.
    static func siteRelative(_ path: String, basePath: String) -> String? {
        guard basePath != "/" else { return path }
        guard path.hasPrefix(basePath) else { return nil }
        return "/" + path.dropFirst(basePath.count)
    }

    // MARK: - Responses

    private func serve(_ file: String, status: HTTPResponse.Status, _ request: Request, _ state: Rebuilder.State) -> Response {
        let type = ContentTypes.forPath(file)
        if ContentTypes.isHTML(type), let page = FileManager.default.contents(atPath: file) {
            return respond(with: decorate(page, state), type: type, status: status, request)
        }
        if !ContentTypes.isHTML(type), let opened = StreamedFile(path: file) {
            return stream(opened, type: type, status: status, request)
        }
        // Removed between resolving and opening (a rebuild dropped it).
        return status == .notFound ? plain("Not found\n", status: .notFound, request) : notFound(request, state)
    }

    private func notFound(_ request: Request, _ state: Rebuilder.State) -> Response {
        if case .file(let page) = SafePath.resolve("/404.html", in: state.outputDir.path) {
            return serve(page, status: .notFound, request, state)
        }
        let page = decorate(Data(FallbackPages.notFound.utf8), state)
        return respond(with: page, type: "text/html; charset=utf-8", status: .notFound, request)
    }

    /// The page as the browser gets it: overlay (after a failed build) and live-reload script.
    private func decorate(_ page: Data, _ state: Rebuilder.State) -> Data {
        let snippet = ErrorOverlay.html(for: state.errors) + LiveReload.script(generation: state.generation)
        return PageInjection.inject(snippet, into: page)
    }

    private func respond(with body: Data, type: String, status: HTTPResponse.Status, _ request: Request) -> Response {
        let etag = ETag.of(body)
        var headers = Self.fileHeaders(type: type, etag: etag)
        if status == .ok, ETag.matches(request.headers[.ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// A file sent from disk chunk by chunk: whole, or the one range asked for.
    private func stream(_ file: StreamedFile, type: String, status: HTTPResponse.Status, _ request: Request) -> Response {
        var headers = Self.fileHeaders(type: type, etag: file.etag)
        headers[.acceptRanges] = "bytes"
        if status == .ok, ETag.matches(request.headers[.ifNoneMatch], file.etag) {
            return Response(status: .notModified, headers: headers)
        }
        var status = status
        var bytes = 0..<file.size
        if status == .ok {
            switch ByteRange.requested(request.headers[.range], size: file.size,
                                       ifRange: request.headers[.ifRange], etag: file.etag) {
            case .whole:
                break
            case .part(let range):
                status = .partialContent
                bytes = range.lowerBound..<(range.upperBound + 1)
                headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(file.size)"
            case .unsatisfiable:
                headers[.contentRange] = "bytes */\(file.size)"
                headers[.contentLength] = "0"
                return Response(status: .rangeNotSatisfiable, headers: headers)
            }
        }
        headers[.contentLength] = String(bytes.count)
        if request.method == .head || bytes.isEmpty { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: file.body(bytes))
    }

    /// What every file's answer says: its type, its tag, revalidate every time, never sniff.
    private static func fileHeaders(type: String, etag: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        return headers
    }

    private func plain(_ text: String, status: HTTPResponse.Status, _ request: Request) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.contentLength] = String(text.utf8.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.contentLength] = "0"
        return Response(status: .movedPermanently, headers: headers)
    }

    /// The Server-Sent Events stream of `LiveReload`. It stays open until the client goes
    /// (the next write fails, at the latest with the next heartbeat) or the server stops.
    private func events(_ state: Rebuilder.State, head: Bool) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        if head { return Response(status: .ok, headers: headers) }
        let liveReload = self.liveReload, generation = state.generation
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            // Subscribed only once the body is written: a response never sent subscribes nothing.
            for await message in liveReload.subscribe(generation: generation) {
                try await writer.write(ByteBuffer(string: message))
            }
            try await writer.finish(nil)
        })
    }
}
