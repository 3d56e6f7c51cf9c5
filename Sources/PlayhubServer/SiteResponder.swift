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
        guard let data = FileManager.default.contents(atPath: file) else {
            // Removed between resolving and reading (a rebuild dropped it).
            return status == .notFound ? plain("Not found\n", status: .notFound, request) : notFound(request, state)
        }
        let type = ContentTypes.forPath(file)
        return respond(with: ContentTypes.isHTML(type) ? decorate(data, state) : data, type: type, status: status, request)
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
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if status == .ok, ETag.matches(request.headers[.ifNoneMatch], etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
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
