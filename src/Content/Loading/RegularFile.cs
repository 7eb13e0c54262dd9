using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Leaflets.Content.Loading;

/// <summary>What a directory entry is, as far as a content source cares.</summary>
internal enum EntryKind
{
    Regular,
    Fifo,
    CharacterDevice,
    BlockDevice,
    Socket,
    Other,
}

/// <summary>
/// One entry's kind, length and last write, taken without opening it (and without following a symbolic link).
/// <see cref="Identity"/> tells whether the entry opened later is still this one.
/// </summary>
internal readonly record struct EntryFacts(EntryKind Kind, long Length, DateTime LastWriteUtc, (ulong Device, ulong Inode) Identity);

/// <summary>
/// Reads regular files only, never opening anything else: opening a FIFO blocks until a writer comes, and a
/// device may never end. .NET exposes no file type, so on Linux this asks the kernel with <c>statx</c>, whose
/// record has the same layout on every architecture (unlike <c>struct stat</c>). Elsewhere it falls back on what
/// <see cref="FileInfo"/> knows. On every system an empty entry is never opened, which is also what a FIFO or a
/// socket looks like where its kind is unknown: the loader then reports it as empty instead of hanging.
/// </summary>
internal static class RegularFile
{
    /// <summary>Throws <see cref="FileNotFoundException"/> when the entry is gone.</summary>
    public static EntryFacts Probe(string path) =>
        OperatingSystem.IsLinux() ? LinuxStat.OfPath(path) : PortableProbe(path);

    /// <summary>
    /// At most <paramref name="maxBytes"/> + 1 bytes of the entry <paramref name="expected"/> describes, so a caller
    /// sees a file that grew past the limit. Throws <see cref="IOException"/> when the entry was replaced after the probe.
    /// </summary>
    public static byte[] Read(string path, EntryFacts expected, int maxBytes)
    {
        if (expected.Length == 0)
        {
            return [];
        }
        using var handle = Open(path, expected);
        var buffer = new byte[(int)Math.Min(expected.Length, maxBytes) + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = RandomAccess.Read(handle, buffer.AsSpan(total), total)) > 0)
        {
            total += read;
        }
        return total == buffer.Length ? buffer : buffer[..total];
    }

    /// <summary>
    /// A handle on the entry <paramref name="expected"/> describes, for reads by offset: kept open, it goes on reading
    /// that file even if another is moved into its place. Throws <see cref="IOException"/> when it was replaced after the probe.
    /// </summary>
    public static SafeFileHandle Open(string path, EntryFacts expected) =>
        OperatingSystem.IsLinux() ? LinuxStat.OpenSame(path, expected) : File.OpenHandle(path);

    private static EntryFacts PortableProbe(string path)
    {
        var info = new FileInfo(path);
        var kind = info.Attributes.HasFlag(FileAttributes.Device) || info.Attributes.HasFlag(FileAttributes.ReparsePoint)
            ? EntryKind.Other
            : EntryKind.Regular;
        return new EntryFacts(kind, info.Length, info.LastWriteTimeUtc, default);
    }

    private static class LinuxStat
    {
        private const int AtCurrentDirectory = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const int AtEmptyPath = 0x1000;
        private const uint WantTypeModeSizeMtimeInode = 0x1 | 0x2 | 0x100 | 0x40 | 0x200; // STATX_TYPE|MODE|INO|MTIME|SIZE
        private const int OpenReadOnlyNonBlockingCloseOnExec = 0x800 | 0x80000; // O_RDONLY|O_NONBLOCK|O_CLOEXEC

        public static EntryFacts OfPath(string path)
        {
            if (Statx(AtCurrentDirectory, path, AtSymlinkNoFollow, WantTypeModeSizeMtimeInode, out var status) != 0)
            {
                throw Failure("statx", path);
            }
            return Facts(status);
        }

        /// <summary>
        /// Opens without blocking (O_NONBLOCK returns at once even on a FIFO) and checks that what was opened is the
        /// regular file probed: an entry swapped for a FIFO, a device or a link since then is closed unread.
        /// </summary>
        public static SafeFileHandle OpenSame(string path, EntryFacts expected)
        {
            var descriptor = Open(path, OpenReadOnlyNonBlockingCloseOnExec);
            if (descriptor < 0)
            {
                throw Failure("open", path);
            }
            var handle = new SafeFileHandle(descriptor, ownsHandle: true);
            if (Statx(descriptor, string.Empty, AtEmptyPath, WantTypeModeSizeMtimeInode, out var status) != 0)
            {
                handle.Dispose();
                throw Failure("statx", path);
            }
            var opened = Facts(status);
            if (opened.Kind != EntryKind.Regular || opened.Identity != expected.Identity)
            {
                handle.Dispose();
                throw new IOException($"{path} was replaced while it was being read; it is read again on the next refresh.");
            }
            return handle;
        }

        private static EntryFacts Facts(in StatxRecord status)
        {
            var kind = (status.Mode & 0xF000) switch
            {
                0x8000 => EntryKind.Regular,
                0x1000 => EntryKind.Fifo,
                0x2000 => EntryKind.CharacterDevice,
                0x6000 => EntryKind.BlockDevice,
                0xC000 => EntryKind.Socket,
                _ => EntryKind.Other,
            };
            var device = ((ulong)status.DeviceMajor << 32) | status.DeviceMinor;
            var lastWrite = DateTime.UnixEpoch.AddTicks(status.MtimeSeconds * TimeSpan.TicksPerSecond + status.MtimeNanoseconds / 100);
            return new EntryFacts(kind, (long)status.Size, lastWrite, (device, status.Inode));
        }

        private static IOException Failure(string call, string path)
        {
            const int NoSuchEntry = 2; // ENOENT
            var errno = Marshal.GetLastPInvokeError();
            var message = $"{path}: {call} failed: {Marshal.GetPInvokeErrorMessage(errno)}";
            return errno == NoSuchEntry ? new FileNotFoundException(message, path) : new IOException(message, errno);
        }

        /// <summary>struct statx from linux/stat.h: 256 bytes, the same layout on every architecture.</summary>
        [StructLayout(LayoutKind.Explicit, Size = 256)]
        private struct StatxRecord
        {
            [FieldOffset(28)] public ushort Mode;
            [FieldOffset(32)] public ulong Inode;
            [FieldOffset(40)] public ulong Size;
            [FieldOffset(112)] public long MtimeSeconds;
            [FieldOffset(120)] public uint MtimeNanoseconds;
            [FieldOffset(136)] public uint DeviceMajor;
            [FieldOffset(140)] public uint DeviceMinor;
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxRecord status);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    }
}
