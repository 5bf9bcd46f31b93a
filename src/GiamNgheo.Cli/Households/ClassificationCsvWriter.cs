using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Numerics;
using System.Text;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Households;

/// <summary>
/// Formats <c>household_id,standard,category,deprivation_count,deprived</c> rows as UTF-8 straight into a growable
/// byte buffer from pre-encoded pieces (standard code with category, indicator codes). Pieces are copied 32 bytes
/// at a time from zero-padded arrays, overwriting past the piece's end inside the buffer's slack, so a row costs a
/// few vector stores instead of a memmove per field. One instance per worker; the caller writes
/// <see cref="Written"/> to the file in order and calls <see cref="Clear"/>.
/// </summary>
internal sealed class ClassificationCsvWriter
{
    /// <summary>Room past any row for the overwrite of a 32-byte copy.</summary>
    public const int Slack = 64;
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\n\r");

    private readonly Piece[][] _prefixes;
    private readonly Piece[][] _indicatorCodes;
    private readonly int[] _maxTail;
    private byte[] _buffer;
    private int _position;

    public ClassificationCsvWriter(IReadOnlyList<PovertyStandard> standards, int initialCapacity = 1 << 20)
    {
        _buffer = new byte[initialCapacity];
        _prefixes = standards.Select(s => Enum.GetValues<HouseholdCategory>().Select(c => new Piece("," + s.Code + "," + c.ToCode() + ",")).ToArray()).ToArray();
        _indicatorCodes = standards.Select(s => s.Indicators.Select(i => new Piece(i.Code)).ToArray()).ToArray();
        _maxTail = standards.Select((_, s) => _prefixes[s].Max(p => p.Length) + 4 + _indicatorCodes[s].Sum(c => c.Length + 1) + Slack).ToArray();
    }

    public static ReadOnlySpan<byte> Header => "household_id,standard,category,deprivation_count,deprived\n"u8;

    /// <summary>The rows formatted since the last <see cref="Clear"/>.</summary>
    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _position);

    public void Clear() => _position = 0;

    /// <summary>The id as a CSV field in UTF-8 (quoted when it holds a comma, quote or line break), into <paramref name="destination"/>.</summary>
    /// <returns>Bytes written, or -1 when <paramref name="destination"/> is too small.</returns>
    public static int EncodeId(ReadOnlySpan<char> id, Span<byte> destination)
    {
        if (!id.ContainsAny(NeedsQuoting))
        {
            if (Ascii.FromUtf16(id, destination, out var written) == OperationStatus.Done)
            {
                return written;
            }

            return Encoding.UTF8.TryGetBytes(id, destination, out written) ? written : -1;
        }

        var quoted = "\"" + id.ToString().Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return Encoding.UTF8.TryGetBytes(quoted, destination, out var count) ? count : -1;
    }

    /// <param name="encodedId">The id from <see cref="EncodeId"/>; 32 bytes past its end must be readable.</param>
    /// <param name="standardIndex">Position of the standard in the list given to the constructor.</param>
    /// <param name="category">The household's category under that standard.</param>
    /// <param name="mask">The deprivation mask under that standard.</param>
    public void Write(ReadOnlySpan<byte> encodedId, int standardIndex, HouseholdCategory category, uint mask)
    {
        var needed = _position + encodedId.Length + _maxTail[standardIndex];
        if (needed > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        ref var row = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _position);
        var n = Copy(ref MemoryMarshal.GetReference(encodedId), encodedId.Length, ref row);
        var prefix = _prefixes[standardIndex][(int)category];
        n += Copy(ref MemoryMarshal.GetArrayDataReference(prefix.Bytes), prefix.Length, ref Unsafe.Add(ref row, n));
        var count = BitOperations.PopCount(mask);
        if (count >= 10)
        {
            Unsafe.Add(ref row, n++) = (byte)('0' + (count / 10));
        }

        Unsafe.Add(ref row, n++) = (byte)('0' + (count % 10));
        Unsafe.Add(ref row, n++) = (byte)',';
        var codes = _indicatorCodes[standardIndex];
        for (var bits = mask; bits != 0; bits &= bits - 1)
        {
            var code = codes[BitOperations.TrailingZeroCount(bits)];
            n += Copy(ref MemoryMarshal.GetArrayDataReference(code.Bytes), code.Length, ref Unsafe.Add(ref row, n));
            Unsafe.Add(ref row, n++) = (byte)';';
        }

        if (mask != 0)
        {
            n--;
        }

        Unsafe.Add(ref row, n++) = (byte)'\n';
        _position += n;
    }

    /// <summary>Copies <paramref name="length"/> bytes in 32-byte blocks; the source and destination have the slack for it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Copy(ref byte source, int length, ref byte destination)
    {
        for (nuint offset = 0; offset < (nuint)length; offset += 32)
        {
            Vector256.LoadUnsafe(ref source, offset).StoreUnsafe(ref destination, offset);
        }

        return length;
    }

    /// <summary>UTF-8 text zero-padded to a multiple of 32 bytes.</summary>
    private sealed class Piece
    {
        public Piece(string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            Length = bytes.Length;
            Bytes = new byte[(bytes.Length + 31) / 32 * 32];
            bytes.CopyTo(Bytes, 0);
        }

        public byte[] Bytes { get; }

        public int Length { get; }
    }
}
