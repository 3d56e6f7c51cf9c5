import Foundation

/// A file under the content folder that is not Markdown (an image, a PDF, a spreadsheet):
/// copied into the site where `ContentLayout` places it.
public struct ContentAsset: Sendable, Hashable {
    /// Relative to the site folder: `content/playbooks/onboarding/flow.png`.
    public var path: String
    public var absolutePath: String
    /// Relative to the output folder: `playbooks/onboarding/flow.png`.
    public var outputPath: String
    public var size: Int
    public var modified: Date

    /// The bytes of every asset, read on `jobs` threads; a file that cannot be read is an
    /// error at its path.
    static func read(_ assets: [ContentAsset], jobs: Int) -> ([(ContentAsset, Data)], [Diagnostic]) {
        let results = Parallel.map(assets, jobs: jobs) { ContentScanner.readFile($0.absolutePath) }
        var files: [(ContentAsset, Data)] = [], problems: [Diagnostic] = []
        for (asset, result) in zip(assets, results) {
            switch result {
            case .success(let (data, _)): files.append((asset, data))
            case .failure(let error):
                problems.append(Diagnostic(.io, at: SourceLocation(file: asset.path), "cannot read: \(error.message)",
                    hint: "make it readable, or move it out of the content folder"))
            }
        }
        return (files, problems)
    }
}
