using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsArchive.Web.Import;

/// <summary>A known seed file's row: a struct, so a million of them are one array, not a million objects.</summary>
internal readonly record struct KnownFile(int Id, long Size, long ModifiedTicks, int? ArticleId);

/// <summary>
/// A file's key, its row when known, and whether it must be read (false: size and time
/// unchanged, or <paramref name="Missing"/>: the file is gone).
/// </summary>
internal readonly record struct FileCheck(string Key, KnownFile? Known, bool NeedsReading, bool Missing);

/// <summary>
/// Every seed file the archive knows, by key, and the incremental check against them: a file
/// needs reading only when it is new, was not imported, or its size or time changed.
/// </summary>
/// <remarks>
/// The keys are held as UTF-8, as SQLite returns them, in blocks of bytes: a million known files
/// are a few arrays and no string, and a listed file is looked up by its path's bytes. A key
/// becomes a string only for a file that is read (a table of strings cost about 2 CPU-seconds
/// at every start of a million-file archive).
/// </remarks>
internal sealed class KnownFiles
{
    /// <summary>Longer relative paths are looked up through a string (none in practice: names are at most 255 bytes).</summary>
    private const int MaxStackPath = 512;

    private readonly string _seedsPath;
    private readonly KeyStore _keys;
    private readonly Dictionary<KeyStore.Key, KnownFile>.AlternateLookup<ReadOnlySpan<byte>> _byBytes;

    private KnownFiles(string seedsPath, KeyStore keys, Dictionary<KeyStore.Key, KnownFile> byKey)
    {
        _seedsPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(seedsPath));
        _keys = keys;
        _byBytes = byKey.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>
    /// All known seed files in one query: the check then needs no database round trip per
    /// unchanged file, which is what lets a million-file archive start in seconds.
    /// </summary>
    /// <remarks>
    /// Read through SQLite's own statement API rather than a data reader (0.9 against 1.5
    /// CPU-seconds for a million rows) or EF (twice that again). The columns are read as EF maps
    /// them (<c>ModifiedUtc</c> as UTC ticks).
    /// </remarks>
    public static KnownFiles Load(SqliteConnection connection, string seedsPath, CancellationToken ct)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, "SELECT count(*) FROM SeedFiles", out var count));
        using (count)
        {
            Check(db, raw.sqlite3_step(count), raw.SQLITE_ROW);
            var keys = new KeyStore();
            var byKey = new Dictionary<KeyStore.Key, KnownFile>(raw.sqlite3_column_int(count, 0), keys);
            Check(db, raw.sqlite3_prepare_v2(db, "SELECT Path, Id, Size, ModifiedUtc, ArticleId FROM SeedFiles", out var rows));
            using (rows)
            {
                int step;
                while ((step = raw.sqlite3_step(rows)) == raw.SQLITE_ROW)
                {
                    if ((byKey.Count & 0xFFFF) == 0)
                    {
                        ct.ThrowIfCancellationRequested();
                    }

                    byKey[keys.Add(raw.sqlite3_column_blob(rows, 0))] = new KnownFile(
                        raw.sqlite3_column_int(rows, 1),
                        raw.sqlite3_column_int64(rows, 2),
                        raw.sqlite3_column_int64(rows, 3),
                        raw.sqlite3_column_type(rows, 4) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int(rows, 4));
                }

                Check(db, step, raw.SQLITE_DONE);
            }

            return new KnownFiles(seedsPath, keys, byKey);
        }
    }

    /// <summary>
    /// True when file <paramref name="index"/> needs no reading: known, imported, and its size and
    /// time unchanged. The test of a start on an unchanged archive: it builds no key.
    /// </summary>
    private bool IsUnchanged(IReadOnlyList<SeedFileInfo> files, int index, bool force)
    {
        if (force)
        {
            return false;
        }

        var (size, modifiedTicks) = SizeAndTime(files, index);
        return size >= 0 && Find(files, index) is { Known: { ArticleId: not null } known } && known.Size == size && known.ModifiedTicks == modifiedTicks;
    }

    /// <summary>
    /// <see cref="IsUnchanged"/> for every file of <paramref name="files"/>; a big folder is checked
    /// on every core (the test is pure and the known files are only read) unless
    /// <paramref name="inBackground"/>, for a check that runs while the app serves.
    /// </summary>
    public bool[] UnchangedFiles(IReadOnlyList<SeedFileInfo> files, bool force, bool inBackground, CancellationToken ct)
    {
        var unchanged = new bool[files.Count];
        const int chunk = 4096;
        void CheckChunk(int c)
        {
            for (var i = c * chunk; i < Math.Min(files.Count, (c + 1) * chunk); i++)
            {
                unchanged[i] = IsUnchanged(files, i, force);
            }
        }

        var chunks = (files.Count + chunk - 1) / chunk;
        if (inBackground)
        {
            for (var c = 0; c < chunks; c++)
            {
                ct.ThrowIfCancellationRequested();
                CheckChunk(c);
            }
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { CancellationToken = ct }, CheckChunk);
        }

        return unchanged;
    }

    /// <summary>
    /// The incremental check of file <paramref name="index"/>, keyed and looked up once: it needs
    /// no reading when size and time are unchanged (or it is gone), unless <paramref name="force"/>.
    /// </summary>
    public FileCheck Check(IReadOnlyList<SeedFileInfo> files, int index, bool force)
    {
        var (size, modifiedTicks) = SizeAndTime(files, index);
        var (known, key) = Find(files, index);
        var needsReading = size >= 0
            && (force || known is not { ArticleId: not null }
                || known.Value.Size != size || known.Value.ModifiedTicks != modifiedTicks);
        return new FileCheck(key ?? _keys.ToString(known!.Value), known?.File, needsReading, Missing: size < 0);
    }

    /// <summary>A file's key: its path relative to the seeds folder with '/' separators, or its full path when outside it.</summary>
    public string KeyOf(string fullPath)
    {
        // The common case, a listed file of the seeds folder, without GetRelativePath's work.
        if (fullPath.Length > _seedsPath.Length + 1 && fullPath.StartsWith(_seedsPath, StringComparison.Ordinal)
            && fullPath[_seedsPath.Length] == Path.DirectorySeparatorChar && !fullPath.Contains("..", StringComparison.Ordinal))
        {
            var inner = fullPath[(_seedsPath.Length + 1)..];
            return Path.DirectorySeparatorChar == '/' ? inner : inner.Replace('\\', '/');
        }

        var relative = Path.GetRelativePath(_seedsPath, fullPath);
        var inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return (inside ? relative : fullPath).Replace('\\', '/');
    }

    private static (long Size, long ModifiedTicks) SizeAndTime(IReadOnlyList<SeedFileInfo> files, int index)
    {
        if (files is SeedListing listing)
        {
            return (listing.Size(index), listing.ModifiedUtc(index).UtcTicks);
        }

        var file = files[index];
        return (file.Size, file.ModifiedUtc.UtcTicks);
    }

    /// <summary>
    /// The known row of file <paramref name="index"/> (null: not known), and its key when it had to
    /// be built (null: the row's key stands for it). A listing of the seeds folder is looked up by
    /// its relative path's bytes, built on the stack.
    /// </summary>
    private (Found? Known, string? Key) Find(IReadOnlyList<SeedFileInfo> files, int index)
    {
        if (files is SeedListing listing && listing.Root == _seedsPath)
        {
            // The listing's relative paths already have the keys' '/' separators.
            Span<char> chars = stackalloc char[MaxStackPath];
            Span<byte> bytes = stackalloc byte[MaxStackPath * 3];
            var length = listing.CopyRelativePath(index, chars);
            if (length >= 0)
            {
                var utf8 = bytes[..Encoding.UTF8.GetBytes(chars[..length], bytes)];
                return _byBytes.TryGetValue(utf8, out var key, out var row) ? (new Found(key, row), null) : (null, chars[..length].ToString());
            }

            return Lookup(listing.RelativePath(index));
        }

        return Lookup(KeyOf(files[index].FullPath));
    }

    private (Found? Known, string? Key) Lookup(string key) =>
        (_byBytes.TryGetValue(Encoding.UTF8.GetBytes(key), out var stored, out var row) ? new Found(stored, row) : null, key);

    /// <summary>A known row and where its key is stored.</summary>
    private readonly record struct Found(KeyStore.Key Key, KnownFile File)
    {
        public int? ArticleId => File.ArticleId;

        public long Size => File.Size;

        public long ModifiedTicks => File.ModifiedTicks;
    }

    private static void Check(sqlite3 db, int result, int expected = raw.SQLITE_OK)
    {
        if (result != expected)
        {
            throw new SqliteException($"SQLite Error {result}: '{raw.sqlite3_errmsg(db).utf8_to_string()}'.", result);
        }
    }

    /// <summary>
    /// The keys' UTF-8 bytes in blocks that grow without copying, and the comparer that lets a
    /// dictionary keyed by their positions be searched with a span of bytes.
    /// </summary>
    private sealed class KeyStore : IEqualityComparer<KeyStore.Key>, IAlternateEqualityComparer<ReadOnlySpan<byte>, KeyStore.Key>
    {
        private const int BlockShift = 20;
        private const int BlockSize = 1 << BlockShift;
        private readonly List<byte[]> _blocks = [];
        private int _used = BlockSize;

        /// <summary>Where one key's bytes are stored.</summary>
        public readonly record struct Key(int Start, int Length);

        public Key Add(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > BlockSize)
            {
                throw new InvalidOperationException($"A seed file path of {bytes.Length} bytes is longer than any path can be.");
            }

            if (_used + bytes.Length > BlockSize)
            {
                _blocks.Add(new byte[BlockSize]);
                _used = 0;
            }

            bytes.CopyTo(_blocks[^1].AsSpan(_used));
            var key = new Key(((_blocks.Count - 1) << BlockShift) | _used, bytes.Length);
            _used += bytes.Length;
            return key;
        }

        public ReadOnlySpan<byte> Get(Key key) => _blocks[key.Start >> BlockShift].AsSpan(key.Start & (BlockSize - 1), key.Length);

        public string ToString(Found found) => Encoding.UTF8.GetString(Get(found.Key));

        public bool Equals(Key x, Key y) => Get(x).SequenceEqual(Get(y));

        public int GetHashCode(Key key) => GetHashCode(Get(key));

        public bool Equals(ReadOnlySpan<byte> alternate, Key other) => alternate.SequenceEqual(Get(other));

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public Key Create(ReadOnlySpan<byte> alternate) => Add(alternate);
    }
}
