namespace GiamNgheo.Cli.Households;

/// <summary>
/// A block of parsed, valid rows handed from the reading thread to the classifying thread: a structure of
/// arrays (encoded id bytes, income or B1 score, area, one mask per standard), reused once written.
/// </summary>
internal sealed class HouseholdChunk(int capacity, int standards)
{
    /// <summary>Room kept free at the end for one more id plus the writer's 32-byte overread.</summary>
    private const int MaxIdBytes = 1024;

    private byte[] _ids = new byte[capacity * 24];
    private int _idBytes;

    public int Count { get; private set; }

    public int Standards { get; } = standards;

    public long[] Values { get; } = new long[capacity];

    public bool[] IsScore { get; } = new bool[capacity];

    public byte[] Areas { get; } = new byte[capacity];

    /// <summary>Row i, standard s at <c>i * Standards + s</c>.</summary>
    public uint[] Masks { get; } = new uint[capacity * standards];

    public int[] IdEnds { get; } = new int[capacity];

    public bool IsFull => Count == Values.Length;

    public ReadOnlySpan<byte> Id(int row) => _ids.AsSpan(row == 0 ? 0 : IdEnds[row - 1], IdEnds[row] - (row == 0 ? 0 : IdEnds[row - 1]));

    public void Add(HouseholdCsvReader reader)
    {
        if (_ids.Length - _idBytes < MaxIdBytes)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
        }

        var written = ClassificationCsvWriter.EncodeId(reader.HouseholdId, _ids.AsSpan(_idBytes, MaxIdBytes - ClassificationCsvWriter.Slack));
        if (written < 0)
        {
            var id = reader.HouseholdId;
            var room = (System.Text.Encoding.UTF8.GetMaxByteCount(id.Length + 2) * 2) + ClassificationCsvWriter.Slack;
            Array.Resize(ref _ids, _ids.Length + room);
            written = ClassificationCsvWriter.EncodeId(id, _ids.AsSpan(_idBytes, room - ClassificationCsvWriter.Slack));
        }

        _idBytes += written;
        IdEnds[Count] = _idBytes;
        var isScore = reader.Income is null;
        Values[Count] = reader.Income ?? reader.B1Score!.Value;
        IsScore[Count] = isScore;
        Areas[Count] = (byte)reader.Area;
        for (var s = 0; s < Standards; s++)
        {
            Masks[(Count * Standards) + s] = reader.Mask(s);
        }

        Count++;
    }

    public void Clear()
    {
        Count = 0;
        _idBytes = 0;
    }
}
