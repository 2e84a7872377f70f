using System.Collections;
using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsArchive.Web.Import;

/// <summary>A seed file on disk with what the incremental check compares: size and modification time.</summary>
public readonly record struct SeedFileInfo(string FullPath, long Size, DateTimeOffset ModifiedUtc)
{
    /// <summary>Reads size and time of one file; null when it does not exist.</summary>
    public static SeedFileInfo? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new SeedFileInfo(info.FullName, info.Length, info.LastWriteTimeUtc) : null;
    }
}

/// <summary>Lists the seed files of a folder.</summary>
public static class SeedFolder
{
    /// <summary>
    /// Every <c>*.txt</c> under <paramref name="folder"/>, recursively, in ordinal path order.
    /// Hidden files and folders (<c>.deleted/</c>, upload temp folders) are skipped, and so are
    /// linked folders (no cycles). Size and time come from one stat per file; no file is opened.
    /// </summary>
    /// <param name="folder">The folder to list.</param>
    /// <param name="ct">Stops the listing between folders and batches of files.</param>
    /// <param name="inBackground">
    /// One thread only, for a listing that runs while the app serves (the drop folder's rescans):
    /// otherwise a big folder is stat'ed on every core, which is what a start or an import wants.
    /// </param>
    /// <param name="inPathOrder">
    /// False: the files come in the order the folders were read, for a caller that orders only
    /// the few it keeps (<see cref="SeedListing.ComparePaths"/>). Sorting a million names costs
    /// seconds of CPU, and a start on an unchanged archive keeps none of them.
    /// </param>
    public static SeedListing List(string folder, CancellationToken ct = default, bool inBackground = false, bool inPathOrder = true)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var listing = new SeedListing(root, inBackground ? int.MaxValue : SeedListing.ParallelFrom, inPathOrder);
        if (Directory.Exists(root))
        {
            listing.AddFolder(root, "", ct);
        }

        return listing;
    }
}

/// <summary>
/// The seed files of one folder tree in ordinal path order (or in the order they were read, when
/// listed so), with size and modification time.
/// </summary>
/// <remarks>
/// Compact on purpose: a table of folder names, blocks of characters holding every name, and
/// arrays of plain values, so a listing holds no object per file. A million files take about
/// 70 MB the garbage collector never has to trace, and nothing is copied to sort them; a list of
/// full paths took ~160 bytes a file and made every collection during the run slower. Paths are
/// built only for the files that are read.
/// </remarks>
public sealed class SeedListing : IReadOnlyList<SeedFileInfo>
{
    /// <summary>Folders of this many entries or more are sorted and stat'ed on several threads.</summary>
    internal const int ParallelFrom = 8192;
    private readonly int _parallelFrom;
    private static readonly EnumerationOptions OneFolder = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };
    private readonly List<string> _folders = [];
    // Every entry read (files and folders) in the order read, with its size and time (files only).
    private Entry[] _entries = new Entry[64];
    private long[] _sizes = new long[64];
    private long[] _times = new long[64];
    private int _entryCount;
    // The files, in path order, as indices into the entries.
    private int[] _order = new int[64];
    private readonly NameStore _names = new();

    internal SeedListing(string root, int parallelFrom, bool inPathOrder)
    {
        Root = root;
        _parallelFrom = parallelFrom;
        InPathOrder = inPathOrder;
    }

    /// <summary>The listed folder, as a full path without a trailing separator.</summary>
    public string Root { get; }

    /// <summary>Whether the files are in ordinal path order; otherwise in the order the folders were read.</summary>
    public bool InPathOrder { get; }

    public int Count { get; private set; }

    public SeedFileInfo this[int index] => new(FullPath(index), Size(index), ModifiedUtc(index));

    public long Size(int index) => _sizes[EntryOf(index)];

    public DateTimeOffset ModifiedUtc(int index) => new(_times[EntryOf(index)], TimeSpan.Zero);

    /// <summary>The path below <see cref="Root"/>, with '/' between folders.</summary>
    public string RelativePath(int index)
    {
        ref readonly var entry = ref _entries[EntryOf(index)];
        return string.Concat(_folders[entry.Folder], _names.Get(entry.NameStart, entry.NameLength));
    }

    /// <summary>Writes <see cref="RelativePath"/> into <paramref name="destination"/>; the length written, or -1 when it does not fit.</summary>
    public int CopyRelativePath(int index, Span<char> destination)
    {
        ref readonly var entry = ref _entries[EntryOf(index)];
        var folder = _folders[entry.Folder];
        var length = folder.Length + entry.NameLength;
        if (length > destination.Length)
        {
            return -1;
        }

        folder.CopyTo(destination);
        _names.Get(entry.NameStart, entry.NameLength).CopyTo(destination[folder.Length..]);
        return length;
    }

    public string FullPath(int index) => Path.Join(Root, RelativePath(index));

    /// <summary>Orders two files by relative path, ordinally, as a listing in path order has them.</summary>
    public int ComparePaths(int a, int b)
    {
        Span<char> first = stackalloc char[256];
        Span<char> second = stackalloc char[256];
        var x = CopyRelativePath(a, first);
        var y = CopyRelativePath(b, second);
        return x >= 0 && y >= 0
            ? first[..x].SequenceCompareTo(second[..y])
            : string.CompareOrdinal(RelativePath(a), RelativePath(b));
    }

    public IEnumerator<SeedFileInfo> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int EntryOf(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _order[index];
    }

    /// <summary>
    /// Lists <paramref name="directory"/> (relative name <paramref name="relative"/>, "" or ending
    /// in '/'): its entries are sorted as their full paths sort (a folder as its name plus '/'),
    /// its files appended in that order and each subfolder listed in its place, so the whole tree
    /// comes out in path order.
    /// </summary>
    internal void AddFolder(string directory, string relative, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var folder = _folders.Count;
        _folders.Add(relative);
        var start = _entryCount;
        using (var reader = new FolderReader(directory, this, folder))
        {
            while (reader.MoveNext())
            {
                // Each entry is appended by the reader itself.
                if ((_entryCount & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }
            }
        }

        var order = Enumerable.Range(start, _entryCount - start).ToArray();
        // A big folder's names are sorted while its files are stat'ed: seconds each at a million files, on different cores.
        // Its own thread, not the pool's: the stat calls below take the pool's threads, and a pool short of them adds one only every half second.
        var sorting = InPathOrder && order.Length >= _parallelFrom
            ? Task.Factory.StartNew(() => order.AsSpan().Sort(new PathOrder(_entries, _names)), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
            : null;
        StatFiles(directory, start, _entryCount, ct);
        if (sorting is not null)
        {
            sorting.GetAwaiter().GetResult();
        }
        else if (InPathOrder)
        {
            order.AsSpan().Sort(new PathOrder(_entries, _names));
        }

        foreach (var index in order)
        {
            var entry = _entries[index];
            if (entry.IsFolder)
            {
                var name = new string(_names.Get(entry.NameStart, entry.NameLength));
                AddFolder(Path.Join(directory, name), relative + name + "/", ct);
            }
            else if (_sizes[index] >= 0)
            {
                if (Count == _order.Length)
                {
                    Array.Resize(ref _order, _order.Length * 2);
                }

                _order[Count++] = index;
            }
        }
    }

    /// <summary>
    /// Size and time of the files among entries [<paramref name="from"/>, <paramref name="to"/>)
    /// (a negative size: not a seed file after all). A big folder is stat'ed on every core: the
    /// calls wait on the kernel, not on each other.
    /// </summary>
    private void StatFiles(string directory, int from, int to, CancellationToken ct)
    {
        using var folder = new FileStat.Folder(directory);
        var (entries, names, sizes, times) = (_entries, _names, _sizes, _times);
        void Stat(int first, int end)
        {
            for (var i = first; i < end; i++)
            {
                var entry = entries[i];
                if (entry.IsFolder)
                {
                    continue;
                }

                // Not found: gone since the folder was read, a broken link, or not a plain file.
                (sizes[i], times[i]) = folder.TryRead(names.Get(entry.NameStart, entry.NameLength), out var stat) ? stat : (-1, 0);
            }
        }

        if (to - from < _parallelFrom)
        {
            Stat(from, to);
            return;
        }

        const int chunk = 4096;
        Parallel.For(0, (to - from + chunk - 1) / chunk, new ParallelOptions { CancellationToken = ct }, c => Stat(from + (c * chunk), Math.Min(to, from + ((c + 1) * chunk))));
    }

    /// <summary>Ordinal order of the full paths: a folder's name compares as if followed by '/'.</summary>
    private readonly struct PathOrder(Entry[] entries, NameStore names) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            ref readonly var first = ref entries[a];
            ref readonly var second = ref entries[b];
            var x = names.Get(first.NameStart, first.NameLength);
            var y = names.Get(second.NameStart, second.NameLength);
            var common = Math.Min(x.Length, y.Length);
            var order = x[..common].SequenceCompareTo(y[..common]);
            if (order != 0)
            {
                return order;
            }

            var nextX = x.Length > common ? x[common] : first.IsFolder ? '/' : -1;
            var nextY = y.Length > common ? y[common] : second.IsFolder ? '/' : -1;
            return nextX.CompareTo(nextY);
        }
    }

    private void AppendChild(int folder, ReadOnlySpan<char> name, bool isFolder)
    {
        if (_entryCount == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            Array.Resize(ref _sizes, _entries.Length);
            Array.Resize(ref _times, _entries.Length);
        }

        _entries[_entryCount++] = new Entry(folder, _names.Add(name), name.Length, isFolder);
    }

    /// <summary>
    /// Every name in blocks of a fixed size: it grows without copying and leaves at most one block
    /// part empty (a doubling buffer held up to twice the names, plus the garbage of each copy).
    /// </summary>
    private sealed class NameStore
    {
        private const int BlockShift = 16;
        private const int BlockSize = 1 << BlockShift;
        private readonly List<char[]> _blocks = [];
        private int _used = BlockSize;

        /// <summary>Stores <paramref name="name"/> (shorter than a block: file names are at most 255 characters) and returns where.</summary>
        public int Add(ReadOnlySpan<char> name)
        {
            if (_used + name.Length > BlockSize)
            {
                _blocks.Add(new char[BlockSize]);
                _used = 0;
            }

            name.CopyTo(_blocks[^1].AsSpan(_used));
            var start = ((_blocks.Count - 1) << BlockShift) | _used;
            _used += name.Length;
            return start;
        }

        public ReadOnlySpan<char> Get(int start, int length) => _blocks[start >> BlockShift].AsSpan(start & (BlockSize - 1), length);
    }

    private readonly record struct Entry(int Folder, int NameStart, int NameLength, bool IsFolder);

    /// <summary>Reads the names of one folder's seed files and subfolders into the listing (no stat: <see cref="StatFiles"/> follows).</summary>
    private sealed class FolderReader(string directory, SeedListing listing, int folder)
        : FileSystemEnumerator<bool>(directory, OneFolder)
    {
        protected override bool ShouldIncludeEntry(ref FileSystemEntry entry) =>
            !entry.FileName.StartsWith('.')
            && (entry.IsDirectory
                ? (entry.Attributes & FileAttributes.ReparsePoint) == 0
                : entry.FileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));

        protected override bool TransformEntry(ref FileSystemEntry entry)
        {
            listing.AppendChild(folder, entry.FileName, entry.IsDirectory);
            return entry.IsDirectory;
        }
    }
}

/// <summary>
/// Size and modification time of a file by one <c>statx</c> call on Linux.
/// </summary>
/// <remarks>
/// .NET's own stat of a listed file costs about twice the system call on this kind of machine
/// (7.0 against 3.6–3.8 CPU-seconds for a million files), and a start with a million unchanged
/// seed files spends most of its time there. <c>statx</c> has one layout on every Linux
/// architecture, and the flags used here have one value on all of them. Elsewhere, or when the
/// call is missing or filtered, it is .NET's stat.
/// </remarks>
internal static partial class FileStat
{
    private const int AtCurrentDirectory = -100;
    // O_PATH | O_CLOEXEC: a descriptor only to resolve names against; the same values on every Linux architecture.
    private const int OpenPathOnly = 0x200000, OpenCloseOnExec = 0x80000;
    private const uint WantTypeSizeAndTime = 0x1 | 0x40 | 0x200; // STATX_TYPE | STATX_MTIME | STATX_SIZE
    private const ushort TypeMask = 0xF000;
    private const ushort RegularFile = 0x8000;
    private const int NoEntry = 2, PermissionDenied = 13, NotADirectory = 20, NameTooLong = 36, TooManyLinks = 40;
    private static bool _available = OperatingSystem.IsLinux();

    private enum Outcome
    {
        /// <summary>No <c>statx</c> here: use .NET's stat.</summary>
        Unsupported,
        /// <summary>Missing, unreadable, or not a regular file (after following links).</summary>
        NotAFile,
        File,
    }

    /// <summary>
    /// A folder whose files are stat'ed by name: relative to a descriptor of the folder, so the
    /// kernel resolves one path component per call instead of the whole path (a tenth of the time
    /// at a million files went to those lookups). Without a descriptor, by full path.
    /// </summary>
    public sealed class Folder : IDisposable
    {
        private readonly string _directory;
        private readonly byte[] _pathUtf8;
        private int _descriptor = -1;

        public Folder(string directory)
        {
            _directory = directory;
            _pathUtf8 = Encoding.UTF8.GetBytes(directory + "/");
            if (_available)
            {
                try
                {
                    _descriptor = Open(directory, OpenPathOnly | OpenCloseOnExec);
                }
                catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
                {
                    _descriptor = -1;
                }
            }
        }

        /// <summary>
        /// Size and time of the file <paramref name="name"/> of this folder, following links; false
        /// when it is missing, unreadable or not a plain file.
        /// </summary>
        public bool TryRead(ReadOnlySpan<char> name, out (long Size, long ModifiedTicks) result)
        {
            if (_available)
            {
                var prefix = _descriptor >= 0 ? [] : _pathUtf8.AsSpan();
                var length = prefix.Length + Encoding.UTF8.GetMaxByteCount(name.Length) + 1;
                Span<byte> path = length <= 1024 ? stackalloc byte[1024] : new byte[length];
                prefix.CopyTo(path);
                var end = prefix.Length + Encoding.UTF8.GetBytes(name, path[prefix.Length..]);
                path[end] = 0;
                var outcome = Stat(_descriptor >= 0 ? _descriptor : AtCurrentDirectory, path, out result);
                if (outcome != Outcome.Unsupported)
                {
                    return outcome == Outcome.File;
                }
            }

            var file = SeedFileInfo.Of(Path.Join(_directory, name));
            result = file is { } found ? (found.Size, found.ModifiedUtc.UtcTicks) : default;
            return file is not null;
        }

        public void Dispose()
        {
            if (_descriptor >= 0)
            {
                _ = Close(_descriptor);
                _descriptor = -1;
            }
        }
    }

    private static Outcome Stat(int directory, Span<byte> path, out (long Size, long ModifiedTicks) result)
    {
        result = default;
        try
        {
            if (Statx(directory, ref MemoryMarshal.GetReference(path), 0, WantTypeSizeAndTime, out var stat) != 0)
            {
                if (Marshal.GetLastPInvokeError() is NoEntry or NotADirectory or PermissionDenied or TooManyLinks or NameTooLong)
                {
                    return Outcome.NotAFile;
                }

                // ENOSYS, or EPERM from a sandbox that filters the call: .NET's stat from here on.
                _available = false;
                return Outcome.Unsupported;
            }

            if ((stat.Mode & TypeMask) != RegularFile)
            {
                return Outcome.NotAFile;
            }

            result = ((long)stat.Size, DateTime.UnixEpoch.Ticks + (stat.ModifiedSeconds * TimeSpan.TicksPerSecond) + (stat.ModifiedNanoseconds / TimeSpan.NanosecondsPerTick));
            return Outcome.File;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            _available = false;
            return Outcome.Unsupported;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static partial int Statx(int directoryFd, ref byte path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary><c>struct statx</c> (linux/stat.h): 256 bytes, the same on every architecture.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(112)] public long ModifiedSeconds;
        [FieldOffset(120)] public uint ModifiedNanoseconds;
    }
}
