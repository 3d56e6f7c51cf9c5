import Foundation

/// What writing a build into an output folder takes, decided from the paths alone before
/// any page is rendered: what is at each file's place now, which folders must be made, and
/// what stands in the way. Something in the way is cleared only when playhub wrote it (the
/// manifest says so, and it is still as written) or when it is a link (replacing a link never
/// touches what it points at); anything else in the way is a failure, reported with every
/// other one. Whether a file's bytes changed is for `OutputStaging.put` to see.
struct OutputPlan {
    /// What is at a file's place now.
    enum Place: Sendable {
        /// Nothing, or a folder made by this build (where nothing is looked at).
        case absent
        /// A regular file, with its stamp; `owned` when playhub wrote it.
        case file(OutputStamp, owned: Bool)
        /// A link, replaced by the file (what it points at is never touched).
        case link
        /// A folder holding only playhub's files, taken out of the way.
        case ownedFolder
    }

    /// Every output path, and what is at its place, in the same order.
    let paths: [String]
    private(set) var places: [Place] = []
    /// Files and links to take out of the way before the commit.
    private var removals: [String] = []
    /// Folders holding only playhub's files where a file must now go.
    private var folderRemovals: [String] = []
    /// Folders to make, parents first.
    private var folders: [String] = []
    /// Output folders (links and files) not made by playhub where a folder of pages goes.
    private(set) var replacedFolders: [String] = []

    private enum Found {
        case absent, file(OutputStamp), link, folder, other
    }

    static func make(_ paths: [String], root: String, owned: [String: OutputStamp], jobs: Int) throws -> OutputPlan {
        var plan = OutputPlan(paths: paths)
        var problems: [OutputWriter.Failure] = []
        let pathSet = Set(paths)
        var fresh = Set<String>() // folders to make: nothing below them exists
        for folder in OutputFolders.holding(pathSet).filter({ !$0.isEmpty }).sorted() {
            if pathSet.contains(folder) {
                problems.append(.init(path: root + "/" + folder, cause: "the build makes both a file and a folder here"))
                continue
            }
            // Below a folder that is made anew nothing is there yet, and nothing is looked at
            // (an lstat there could pass through a link that is about to be replaced).
            let parent = Self.folder(of: folder)
            var info = stat()
            guard !fresh.contains(parent), lstat(root + "/" + folder, &info) == 0 else {
                fresh.insert(folder)
                plan.folders.append(folder)
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: continue
            case S_IFLNK:
                plan.replacedFolders.append(folder)
            case S_IFREG where owned[folder] == OutputStamp(info):
                break
            default:
                problems.append(.init(path: root + "/" + folder,
                    cause: "a file not made by playhub is where a folder of pages must go; move it out of the output folder"))
                continue
            }
            plan.removals.append(folder)
            fresh.insert(folder)
            plan.folders.append(folder)
        }
        let found = Parallel.map(paths, jobs: jobs) { [fresh] path -> Found in
            var info = stat()
            guard !fresh.contains(Self.folder(of: path)), lstat(root + "/" + path, &info) == 0 else { return .absent }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file(OutputStamp(info))
            case S_IFLNK: return .link
            case S_IFDIR: return .folder
            default: return .other
            }
        }
        plan.places.reserveCapacity(paths.count)
        for (path, place) in zip(paths, found) {
            switch place {
            case .absent: plan.places.append(.absent)
            case .file(let stamp): plan.places.append(.file(stamp, owned: owned[path] != nil))
            case .link: plan.places.append(.link)
            case .folder:
                if holdsOnlyOwned(path, root: root, owned: owned) {
                    plan.folderRemovals.append(path)
                    plan.places.append(.ownedFolder)
                } else {
                    problems.append(.init(path: root + "/" + path,
                        cause: "a folder not made by playhub is where this file must go; move it out of the output folder"))
                    plan.places.append(.absent)
                }
            case .other:
                problems.append(.init(path: root + "/" + path, cause: "something that is not a file is in the way; remove it"))
                plan.places.append(.absent)
            }
        }
        if !problems.isEmpty { throw OutputWriter.Failures(items: problems) }
        return plan
    }

    /// Takes out of the way what the plan found there and makes the folders.
    func clearWay(in root: String) throws {
        var failures: [OutputWriter.Failure] = []
        for path in removals where unlink(root + "/" + path) != 0 && errno != ENOENT {
            failures.append(.init(path: root + "/" + path, cause: OutputWriter.errnoText()))
        }
        for path in folderRemovals {
            do { try FileManager.default.removeItem(atPath: root + "/" + path) } catch {
                failures.append(.init(path: root + "/" + path, cause: OutputWriter.cause(of: error)))
            }
        }
        for folder in folders where mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
            failures.append(.init(path: root + "/" + folder, cause: OutputWriter.errnoText()))
        }
        if !failures.isEmpty { throw OutputWriter.Failures(items: OutputWriter.summarise(failures)) }
    }

    /// True when the folder holds nothing but files playhub wrote, still as written (and
    /// folders of such files): it is an old page's folder, safe to replace.
    static func holdsOnlyOwned(_ folder: String, root: String, owned: [String: OutputStamp]) -> Bool {
        guard let names = ContentScanner.entries(of: root + "/" + folder) else { return false }
        for name in names {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { return false }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: if !holdsOnlyOwned(path, root: root, owned: owned) { return false }
            case S_IFREG: if owned[path] != OutputStamp(info) { return false }
            default: return false
            }
        }
        return true
    }

    /// `a/b/c.html` → `a/b`; `c.html` → `` (the output root).
    static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// True when every folder on the way to `path` is a real folder, not a link: a file is
    /// removed only through real folders, so a removal never reaches outside the output.
    static func isRealFolderChain(_ path: String, in root: String) -> Bool {
        var folder = ""
        for component in path.split(separator: "/").dropLast() {
            folder += "/" + component
            var info = stat()
            guard lstat(root + folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return false }
        }
        return true
    }
}
