/// Pages the server makes itself, for when the site has none to offer: before any build
/// succeeded there is no `404.html` to serve, and a bad request gets a plain answer.
enum FallbackPages {
    /// Served with status 404 when the output folder has no `404.html`.
    static let notFound = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
    <body><h1>Not found</h1><p>No page at this address in the site's output folder.</p></body></html>

    """

    /// Served with status 400 for paths that could leave the output folder.
    static let badRequest = "Bad request: this path cannot be served.\n"
}
