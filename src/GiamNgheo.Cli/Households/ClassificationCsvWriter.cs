using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Standards;

namespace GiamNgheo.Cli.Households;

/// <summary>
/// Writes <c>household_id,standard,category,deprivation_count,deprived</c> rows as UTF-8 straight into a byte
/// buffer. Everything after the household id depends only on (standard, category, mask), so that tail is encoded
/// once per distinct value and copied afterwards. Full buffers are written in the background.
/// </summary>
internal sealed class ClassificationCsvWriter : IDisposable
{
    private const int BufferSize = 1 << 20;
    private const int MaxCachedIndicators = 14;
    private static readonly SearchValues<char> NeedsQuoting = SearchValues.Create(",\"\n\r");

    private readonly Stream _stream;
    private readonly IReadOnlyList<PovertyStandard> _standards;
    private readonly byte[]?[][] _tails;
    private readonly Dictionary<(int, uint, HouseholdCategory), byte[]> _largeTails = [];
    private byte[] _buffer = new byte[BufferSize];
    private byte[] _spare = new byte[BufferSize];
    private Task _pendingWrite = Task.CompletedTask;
    private int _position;

    public ClassificationCsvWriter(Stream stream, IReadOnlyList<PovertyStandard> standards)
    {
        _stream = stream;
        _standards = standards;
        _tails = standards.Select(s => s.Indicators.Count <= MaxCachedIndicators
            ? new byte[]?[HouseholdCategoryCodes.Count << s.Indicators.Count]
            : []).ToArray();
        var header = "household_id,standard,category,deprivation_count,deprived\n"u8;
        header.CopyTo(_buffer);
        _position = header.Length;
    }

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

    public void Write(ReadOnlySpan<byte> encodedId, int standardIndex, HouseholdCategory category, uint mask)
    {
        var tail = Tail(standardIndex, category, mask);
        var length = encodedId.Length + tail.Length;
        if (_position + length > _buffer.Length)
        {
            Flush();
        }

        encodedId.CopyTo(_buffer.AsSpan(_position));
        tail.CopyTo(_buffer.AsSpan(_position + encodedId.Length));
        _position += length;
    }

    /// <summary>Hands the full buffer to a background write (the kernel copy overlaps the next rows) and swaps buffers.</summary>
    public void Flush()
    {
        _pendingWrite.GetAwaiter().GetResult();
        var full = _buffer;
        var length = _position;
        _buffer = _spare;
        _spare = full;
        _position = 0;
        _pendingWrite = Task.Run(() => _stream.Write(full, 0, length));
    }

    public void Dispose()
    {
        Flush();
        _pendingWrite.GetAwaiter().GetResult();
        _stream.Flush();
    }

    private byte[] Tail(int standardIndex, HouseholdCategory category, uint mask)
    {
        var cache = _tails[standardIndex];
        if (cache.Length > 0)
        {
            var index = (int)(mask << 2) | (int)category;
            return cache[index] ??= Encode(standardIndex, category, mask);
        }

        var key = (standardIndex, mask, category);
        if (!_largeTails.TryGetValue(key, out var tail))
        {
            tail = Encode(standardIndex, category, mask);
            _largeTails.Add(key, tail);
        }

        return tail;
    }

    private byte[] Encode(int standardIndex, HouseholdCategory category, uint mask)
    {
        var standard = _standards[standardIndex];
        var deprived = new List<string>();
        for (var bits = mask; bits != 0; bits &= bits - 1)
        {
            deprived.Add(standard.Indicators[BitOperations.TrailingZeroCount(bits)].Code);
        }

        var text = string.Create(CultureInfo.InvariantCulture,
            $",{standard.Code},{category.ToCode()},{BitOperations.PopCount(mask)},{string.Join(';', deprived)}\n");
        return Encoding.UTF8.GetBytes(text);
    }
}
