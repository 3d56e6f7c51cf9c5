import Foundation

/// Keeps `playhub build`'s `BuildSnapshot` on disk between runs, in the site's own
/// `.playhub-cache/` (never in or beside the output folder, so it is never deployed and never
/// lands in a web server's folder), as two files per output folder: `<name>.state` (content,
/// output and folder stamps, small) and `<name>.graph` (the resolved site without playbook
/// bodies, rewritten only by full builds).
///
/// The files are trusted only when written by this very playhub binary for the same site and
/// output folder, when they belong together and when their checksum holds; anything else, a
/// damaged or edited file included, is ignored and the build runs in full. They are replaced
/// only after a successful build, by rename, never through a link.
enum CacheStore {
    static let magic = "playhub build cache"
    static let version = 5

    /// `<site>/.playhub-cache/`.
    static func folder(site: URL) -> URL {
        site.standardizedFileURL.appendingPathComponent(".playhub-cache")
    }

    /// `<site>/public/` → `.playhub-cache/public.state`; an output folder elsewhere gets its
    /// name and a hash of its path (`www-1f3a….state`), so two outputs never share a file.
    static func file(_ kind: String, site: URL, output: URL) -> URL {
        let out = output.standardizedFileURL
        var name = out.lastPathComponent
        if out.deletingLastPathComponent().path != site.standardizedFileURL.path {
            var hash = StableHash()
            hash.combine(out.path)
            name += "-" + String(hash.value, radix: 16)
        }
        return folder(site: site).appendingPathComponent("\(name).\(kind)")
    }

    // MARK: - Loading

    static func loadState(siteDir: URL, output: URL) -> BuildSnapshot.State? {
        guard var reader = open("state", siteDir: siteDir, output: output) else { return nil }
        do {
            let generation = try reader.uint64(), siteKey = try reader.uint64()
            var sources: [String: SourceStamp] = [:]
            let sourceCount = try reader.count()
            sources.reserveCapacity(sourceCount)
            for _ in 0..<sourceCount {
                let path = try reader.string()
                let size = try reader.int(), modified = Date(timeIntervalSince1970: try reader.double()), key = try reader.uint64()
                sources[path] = SourceStamp(size: size, modified: modified, key: key, dates: try reader.bool() ? try reader.uint64() : nil)
            }
            var pagesByKind: [String: Int] = [:]
            for _ in 0..<(try reader.count()) { pagesByKind[try reader.string()] = try reader.int() }
            let warnings: [Diagnostic] = try reader.array()
            var outputs: [String: OutputStamp] = [:]
            let outputCount = try reader.count()
            outputs.reserveCapacity(outputCount)
            for _ in 0..<outputCount {
                outputs[try reader.string()] = OutputStamp(size: try reader.int(), modifiedNanoseconds: try reader.int(), inode: try reader.uint64())
            }
            var folders: [String: Int] = [:]
            let folderCount = try reader.count()
            folders.reserveCapacity(folderCount)
            for _ in 0..<folderCount { folders[try reader.string()] = try reader.int() }
            let foreign = try reader.int()
            var pageKeys: [String: UInt64] = [:]
            let keyCount = try reader.count()
            pageKeys.reserveCapacity(keyCount)
            for _ in 0..<keyCount { pageKeys[try reader.string()] = try reader.uint64() }
            guard reader.isAtEnd else { return nil }
            return BuildSnapshot.State(generation: generation, siteKey: siteKey, sources: sources, pagesByKind: pagesByKind,
                                       warnings: warnings, outputs: outputs, folders: folders, foreign: foreign, pageKeys: pageKeys)
        } catch {
            return nil
        }
    }

    static func loadGraph(siteDir: URL, output: URL, generation: UInt64, config: SiteConfig) -> SiteGraph? {
        guard var reader = open("graph", siteDir: siteDir, output: output) else { return nil }
        do {
            guard try reader.uint64() == generation else { return nil }
            let graph = try SiteGraph.decode(from: &reader, config: config)
            return reader.isAtEnd ? graph : nil
        } catch {
            return nil
        }
    }

    /// A reader past the header of a cache file, or nil when the file is missing or not ours.
    private static func open(_ kind: String, siteDir: URL, output: URL) -> BinaryReader? {
        guard isOwnFolder(folder(site: siteDir)),
              case .success(let (data, _)) = ContentScanner.readFile(file(kind, site: siteDir, output: output).path),
              let payload = verified([UInt8](data)) else { return nil }
        var reader = BinaryReader(payload)
        do {
            guard try reader.string() == magic, try reader.int() == version, try reader.string() == binaryIdentity,
                  try reader.string() == siteDir.standardizedFileURL.path,
                  try reader.string() == output.standardizedFileURL.path else { return nil }
            return reader
        } catch {
            return nil
        }
    }

    // MARK: - Saving

    /// Writes the state, and the graph too unless `graphUnchanged`. A failure only costs the
    /// next build its head start, so it is not an error.
    static func save(_ snapshot: BuildSnapshot, graphUnchanged: Bool, siteDir: URL, output: URL) {
        let folder = folder(site: siteDir)
        var info = stat()
        if lstat(folder.path, &info) != 0 {
            guard mkdir(folder.path, 0o755) == 0, chmod(folder.path, 0o755) == 0 else { return } // whatever the umask
        }
        guard isOwnFolder(folder) else { return } // a link, a file, or someone else's: leave it alone
        if !graphUnchanged {
            var writer = header(siteDir: siteDir, output: output)
            writer.write(snapshot.state.generation)
            snapshot.graph.encode(to: &writer)
            guard write(writer, "graph", siteDir: siteDir, output: output) else { return }
        }
        let state = snapshot.state
        var writer = header(siteDir: siteDir, output: output)
        writer.write(state.generation)
        writer.write(state.siteKey)
        writer.write(state.sources.count)
        for (path, stamp) in state.sources {
            writer.write(path); writer.write(stamp.size); writer.write(stamp.modified.timeIntervalSince1970); writer.write(stamp.key)
            writer.write(stamp.dates != nil)
            if let dates = stamp.dates { writer.write(dates) }
        }
        writer.write(state.pagesByKind.count)
        for (kind, count) in state.pagesByKind.sorted(by: { $0.key < $1.key }) { writer.write(kind); writer.write(count) }
        writer.write(state.warnings)
        writer.write(state.outputs.count)
        for (path, stamp) in state.outputs {
            writer.write(path); writer.write(stamp.size); writer.write(stamp.modifiedNanoseconds); writer.write(stamp.inode)
        }
        writer.write(state.folders.count)
        for (folder, time) in state.folders { writer.write(folder); writer.write(time) }
        writer.write(state.foreign)
        writer.write(state.pageKeys.count)
        for (path, key) in state.pageKeys { writer.write(path); writer.write(key) }
        _ = write(writer, "state", siteDir: siteDir, output: output)
    }

    /// True for a real folder (not a link) owned by this user and writable by no one else:
    /// a cache others could write (an output folder in /tmp, say) could feed a build their pages.
    static func isOwnFolder(_ folder: URL) -> Bool {
        var info = stat()
        return lstat(folder.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR && info.st_uid == geteuid()
            && info.st_mode & 0o022 == 0
    }

    private static func header(siteDir: URL, output: URL) -> BinaryWriter {
        var writer = BinaryWriter()
        writer.write(magic)
        writer.write(version)
        writer.write(binaryIdentity)
        writer.write(siteDir.standardizedFileURL.path)
        writer.write(output.standardizedFileURL.path)
        return writer
    }

    /// Writes the payload and its checksum to a new name and renames it over the old file.
    private static func write(_ writer: BinaryWriter, _ kind: String, siteDir: URL, output: URL) -> Bool {
        let target = file(kind, site: siteDir, output: output).path, temporary = target + ".tmp"
        var bytes = writer.bytes
        withUnsafeBytes(of: checksum(bytes).littleEndian) { bytes.append(contentsOf: $0) }
        unlink(temporary) // left by an interrupted build, or planted: never written through
        guard case .success = OutputWriter.stage(Data(bytes), at: temporary) else { return false }
        guard rename(temporary, target) == 0 else { unlink(temporary); return false }
        return true
    }

    /// The payload of a cache file whose last 8 bytes are its checksum, or nil when they are not.
    static func verified(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 8 else { return nil }
        let payload = Array(bytes[..<(bytes.count - 8)])
        let stored = bytes[(bytes.count - 8)...].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return stored == checksum(payload) ? payload : nil
    }

    static func checksum(_ bytes: [UInt8]) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes)
        return hash.value
    }

    /// The running playhub binary by size and modification time: a cache written by another
    /// build of playhub may hold values this one would compute differently.
    static let binaryIdentity: String = {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return "unknown \(UUID())" } // never matches: no reuse
        return "\(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }()
}
