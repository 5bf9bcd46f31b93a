using System.Globalization;
using System.Text;
using GiamNgheo.Domain.Common;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// Streams the rows of one interchange table from a UTF-8 CSV file or an XLSX sheet. The header row may hold the
/// English column codes or the Vietnamese headers (case and diacritics ignored); columns are matched by name, so
/// their order does not matter and unknown columns are ignored. Rows come out one at a time with the fields in the
/// table's own column order (<see cref="HouseholdColumns.All"/>, <see cref="MemberColumns.All"/>); a missing optional
/// column reads as empty. Header problems go to the problem list; an unreadable file throws
/// <see cref="InterchangeFileException"/> with a Vietnamese message.
/// </summary>
public static class InterchangeTableReader
{
    public const string HouseholdSheet = "Hộ gia đình";
    public const string MemberSheet = "Thành viên";

    /// <summary>Columns a households table must have.</summary>
    public static IReadOnlySet<string> RequiredHouseholdColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        HouseholdColumns.HouseholdCode, HouseholdColumns.CommuneCode, HouseholdColumns.Village, HouseholdColumns.HeadName,
        HouseholdColumns.Area, HouseholdColumns.ReviewYear,
    };

    /// <summary>Columns a members table must have.</summary>
    public static IReadOnlySet<string> RequiredMemberColumns { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        MemberColumns.HouseholdCode, MemberColumns.FullName, MemberColumns.Sex, MemberColumns.DateOfBirth,
        MemberColumns.EthnicityCode, MemberColumns.RelationToHead,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a CSV table. <paramref name="label"/> names the file in problems.</summary>
    public static IEnumerable<InterchangeRawRow> ReadCsv(
        Stream stream, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label, ICollection<InterchangeProblem> problems) =>
        ReadCsvPart(stream, columns, required, label, problems, header: null, firstRow: 1);

    /// <summary>
    /// Reads one part of a CSV table cut by <see cref="CsvParts"/>: the first part (<paramref name="header"/> null) reads
    /// and maps the header row itself; a later part starts on a record boundary, uses the header read by the caller
    /// and numbers its rows from <paramref name="firstRow"/> (the row number of the record before its first one).
    /// </summary>
    public static IEnumerable<InterchangeRawRow> ReadCsvPart(
        Stream stream, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label, ICollection<InterchangeProblem> problems,
        int[]? header, long firstRow)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(problems);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        CsvDataReader csv;
        int[] map;
        var pool = new FieldPool();
        try
        {
            csv = CreateCsvReader(text, pool);
            map = header ?? ReadHeader(csv, columns, required, label, problems);
            pool.Use(map, columns);
        }
        catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
        {
            throw Unreadable(label, e);
        }

        using (csv)
        {
            var row = firstRow;
            while (true)
            {
                string?[] fields;
                try
                {
                    if (!csv.Read())
                    {
                        break;
                    }

                    row++;
                    fields = new string?[columns.Count];
                    var count = csv.FieldCount;
                    var empty = true;
                    for (var i = 0; i < count && i < map.Length; i++)
                    {
                        var target = map[i];
                        if (target < 0)
                        {
                            continue;
                        }

                        var value = csv.GetString(i);
                        if (value.Length > 0)
                        {
                            fields[target] = value;
                            empty = false;
                        }
                    }

                    if (empty)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw Unreadable(label, e, row);
                }

                yield return new InterchangeRawRow(row, fields);
            }
        }
    }

    /// <summary>The header map of a CSV file (for the later parts of <see cref="CsvParts"/>; header problems are reported by the first part).</summary>
    public static int[] CsvHeaderMap(string path, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        try
        {
            using var csv = CreateCsvReader(text);
            return ReadHeader(csv, columns, required, label, new List<InterchangeProblem>());
        }
        catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
        {
            throw Unreadable(label, e);
        }
    }

    private static CsvDataReader CreateCsvReader(TextReader text, FieldPool? pool = null) =>
        CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false, BufferSize = 1 << 16, MaxBufferSize = 1 << 22, ColumnStringFactory = pool is null ? null : pool.Get,
        });

    /// <summary>Reads the header row and maps it to <paramref name="columns"/> (<see cref="MapHeader"/>).</summary>
    private static int[] ReadHeader(
        CsvDataReader csv, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label, ICollection<InterchangeProblem> problems)
    {
        if (!csv.Read())
        {
            throw new InterchangeFileException($"{label}: tệp trống, không có dòng tiêu đề.");
        }

        var names = new string[csv.FieldCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = csv.GetString(i);
        }

        return MapHeader(names, columns, required, label, problems);
    }

    /// <summary>
    /// Where a CSV file can be cut into <paramref name="parts"/> pieces read in parallel: byte ranges that start on a
    /// record boundary (never inside a quoted field), each with the row number of the record before it, and the header
    /// map read from the first row. Null when the file is small, has blank lines (whose numbering the reader owns) or a
    /// bare CR line ending: the caller then reads it whole, in one piece, as before.
    /// </summary>
    public static IReadOnlyList<CsvPart>? CsvParts(string path, int parts, long minimumBytes = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = stream.Length;
        if (parts < 2 || length < minimumBytes)
        {
            return null;
        }

        // One pass over the bytes: quote state, record boundaries (LF outside quotes), blank lines, bare CRs.
        var targets = new long[parts - 1];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = length * (i + 1) / parts;
        }

        var cuts = new List<CsvPart>(parts);
        var buffer = new byte[1 << 20];
        long offset = 0;
        long records = 0;
        long partStart = 0;
        long partFirstRow = 1;
        var inQuotes = false;
        var crAtEnd = false;
        var next = 0;
        byte previous = (byte)'\n';
        byte beforePrevious = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            if (crAtEnd && span[0] != (byte)'\n')
            {
                return null;
            }

            crAtEnd = false;
            var at = 0;
            while (at < span.Length)
            {
                var found = span[at..].IndexOfAny((byte)'"', (byte)'\n', (byte)'\r');
                if (found < 0)
                {
                    if (span.Length - at >= 1)
                    {
                        beforePrevious = span.Length - at >= 2 ? span[^2] : previous;
                        previous = span[^1];
                    }

                    break;
                }

                var position = at + found;
                var b = span[position];
                var prior = position > 0 ? span[position - 1] : previous;
                var priorPrior = position > 1 ? span[position - 2] : position == 1 ? previous : beforePrevious;
                at = position + 1;
                if (b == (byte)'"')
                {
                    // A quote opens a field only at its start; anywhere else the reader's reading of it may differ: read whole.
                    if (!inQuotes && offset + position > 0 && prior != (byte)',' && prior != (byte)'\n')
                    {
                        return null;
                    }

                    inQuotes = !inQuotes;
                    continue;
                }

                if (inQuotes)
                {
                    continue;
                }

                if (b == (byte)'\r')
                {
                    // A bare CR ends a record for the reader; keep it simple and read whole.
                    if (at == span.Length)
                    {
                        crAtEnd = true;
                    }
                    else if (span[at] != (byte)'\n')
                    {
                        return null;
                    }

                    continue;
                }

                // LF outside quotes: a record ends here. A blank line (LF right after LF, or after CR LF) → read whole.
                if (records > 0 && (prior == (byte)'\n' || (prior == (byte)'\r' && priorPrior == (byte)'\n')))
                {
                    return null;
                }

                records++;
                var end = offset + position + 1;
                if (next < targets.Length && end >= targets[next] && records > 1)
                {
                    cuts.Add(new CsvPart(partStart, end, partFirstRow));
                    partStart = end;
                    partFirstRow = records;
                    while (next < targets.Length && end >= targets[next])
                    {
                        next++;
                    }
                }
            }

            if (read >= 2)
            {
                beforePrevious = span[^2];
            }

            previous = span[^1];
            offset += read;
        }

        if (inQuotes || crAtEnd || cuts.Count == 0)
        {
            return null;
        }

        cuts.Add(new CsvPart(partStart, length, partFirstRow));
        return cuts;
    }

    /// <summary>
    /// Reads one table of an XLSX workbook (the stream must be seekable): the sheet <paramref name="sheet"/>, then its
    /// continuation sheets "<paramref name="sheet"/> (2)", "(3)"… while they exist (a table longer than an Excel sheet,
    /// each with its own header row). Rows of a continuation sheet carry its name in <see cref="InterchangeRawRow.Sheet"/>
    /// and their row number within it.
    /// </summary>
    public static IEnumerable<InterchangeRawRow> ReadXlsx(
        Stream stream, string sheet, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, ICollection<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(problems);
        List<string> names;
        try
        {
            names = MiniExcel.GetSheetNames(stream);
            stream.Position = 0;
        }
        catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
        {
            throw Unreadable(sheet, e);
        }

        string? Find(string name) => names.FirstOrDefault(n => string.Equals(VietnameseText.Fold(n), VietnameseText.Fold(name), StringComparison.Ordinal));
        var first = Find(sheet) ?? throw new InterchangeFileException(
            $"Sổ Excel không có trang tính \"{sheet}\" (có: {string.Join(", ", names.Select(n => "\"" + n + "\""))}).");
        foreach (var row in ReadSheet(stream, first, sheet, null, columns, required, problems))
        {
            yield return row;
        }

        for (var part = 2; Find(InterchangeWorkbookWriter.SheetName(sheet, part)) is { } next; part++)
        {
            stream.Position = 0;
            foreach (var row in ReadSheet(stream, next, next, next, columns, required, problems))
            {
                yield return row;
            }
        }
    }

    private static IEnumerable<InterchangeRawRow> ReadSheet(
        Stream stream, string actual, string sheet, string? continuation, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required,
        ICollection<InterchangeProblem> problems)
    {
        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: actual, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
        }
        catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
        {
            throw Unreadable(sheet, e);
        }

        using (rows)
        {
            string[] keys;
            int[] map;
            try
            {
                if (!rows.MoveNext())
                {
                    throw new InterchangeFileException($"Trang tính \"{sheet}\" trống, không có dòng tiêu đề.");
                }

                keys = [.. rows.Current.Keys];
                var header = keys.Select(k => CellText(rows.Current[k]) ?? string.Empty).ToArray();
                map = MapHeader(header, columns, required, sheet, problems);
            }
            catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
            {
                throw Unreadable(sheet, e);
            }

            long row = 1;
            while (true)
            {
                string?[] fields;
                try
                {
                    if (!rows.MoveNext())
                    {
                        break;
                    }

                    row++;
                    fields = new string?[columns.Count];
                    var empty = true;
                    var current = rows.Current;
                    for (var i = 0; i < keys.Length; i++)
                    {
                        if (map[i] < 0 || !current.TryGetValue(keys[i], out var cell))
                        {
                            continue;
                        }

                        var value = CellText(cell);
                        if (!string.IsNullOrEmpty(value))
                        {
                            fields[map[i]] = value;
                            empty = false;
                        }
                    }

                    if (empty)
                    {
                        continue;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw Unreadable(sheet, e, row);
                }

                yield return new InterchangeRawRow(row, fields) { Sheet = continuation };
            }
        }
    }

    /// <summary>Text of an XLSX cell: numbers in the invariant culture (integers without decimals), dates as yyyy-MM-dd.</summary>
    public static string? CellText(object? cell) => cell switch
    {
        null => null,
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString(MemberColumns.DateFormat, CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>For each header cell, the index of its column in <paramref name="columns"/>, or -1 when it is not one of ours.</summary>
    internal static int[] MapHeader(
        IReadOnlyList<string> header, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label, ICollection<InterchangeProblem> problems)
    {
        var map = new int[header.Count];
        var seen = new bool[columns.Count];
        for (var i = 0; i < header.Count; i++)
        {
            map[i] = -1;
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (name.Length == 0)
            {
                continue;
            }

            var folded = VietnameseText.Fold(name);
            for (var c = 0; c < columns.Count; c++)
            {
                if (string.Equals(name, columns[c].Code, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(folded, VietnameseText.Fold(columns[c].HeaderVi), StringComparison.Ordinal))
                {
                    if (seen[c])
                    {
                        problems.Add(new InterchangeProblem(label, 1, name, name, $"Cột \"{columns[c].Code}\" xuất hiện hai lần trong dòng tiêu đề."));
                    }
                    else
                    {
                        seen[c] = true;
                        map[i] = c;
                    }

                    break;
                }
            }
        }

        for (var c = 0; c < columns.Count; c++)
        {
            if (!seen[c] && required.Contains(columns[c].Code))
            {
                problems.Add(new InterchangeProblem(label, 1, columns[c].Code, string.Empty,
                    $"Thiếu cột bắt buộc \"{columns[c].Code}\" ({columns[c].HeaderVi}) trong dòng tiêu đề."));
            }
        }

        return map;
    }

    private static InterchangeFileException Unreadable(string label, Exception e, long row = 0) => e switch
    {
        InterchangeFileException f => f,
        DecoderFallbackException => new InterchangeFileException(
            $"{label}: tệp không phải văn bản UTF-8{(row > 0 ? $" (lỗi ở dòng {row})" : string.Empty)}. Hãy lưu lại tệp CSV với mã hóa UTF-8.", e),
        _ => new InterchangeFileException(
            $"{label}: không đọc được tệp{(row > 0 ? $" (dòng {row})" : string.Empty)}. Tệp bị hỏng, bị cắt cụt hoặc không đúng định dạng CSV UTF-8 / XLSX.", e),
    };
}

/// <summary>A byte range of a CSV file that starts on a record boundary; <see cref="FirstRow"/> is the row number before its first record (1 = the header).</summary>
public sealed record CsvPart(long Start, long End, long FirstRow)
{
    /// <summary>The part as a read-only stream of its bytes.</summary>
    public Stream Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        file.Position = Start;
        return new RangeStream(file, End - Start);
    }

    private sealed class RangeStream(FileStream inner, long size) : Stream
    {
        private readonly long total = size;
        private long left = size;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => total;

        public override long Position
        {
            get => total - left;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (left <= 0)
            {
                return 0;
            }

            var n = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            left -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// Gives repeated fields of a CSV table one string instance: the same value as the row before in that column (a
/// member's household code, a household's commune and village), and the short values of the columns that take few
/// distinct values (0/1 flags, codes, dates of birth, names). A million-household file otherwise allocates ~60 million
/// field strings, most of them kept until the import ends, and the collector's copying of them was a third of the parse.
/// Columns whose values are all different (ID numbers, addresses, incomes) only get the same-as-before check.
/// </summary>
internal sealed class FieldPool
{
    private const int MaxLength = 48;
    private const int MaxEntries = 1 << 18;

    private static readonly HashSet<string> DistinctColumns = new(StringComparer.Ordinal)
    {
        MemberColumns.PersonalId, HouseholdColumns.Address, HouseholdColumns.Income, HouseholdColumns.B1Score,
    };

    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private bool[] pooled = [];
    private string?[] last = [];

    public FieldPool() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>From the header map (file ordinal → column index, −1 = ignored): which ordinals share through the pool.</summary>
    public void Use(int[] map, IReadOnlyList<InterchangeColumn> columns)
    {
        pooled = [.. map.Select(target => target >= 0 && !DistinctColumns.Contains(columns[target].Code))];
        last = new string?[map.Length];
    }

    public string Get(System.Data.Common.DbDataReader reader, int ordinal, char[] buffer, int offset, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        var span = buffer.AsSpan(offset, length);
        if ((uint)ordinal >= (uint)last.Length)
        {
            return new string(span); // the header row, or a column beyond the header
        }

        if (last[ordinal] is { } previous && span.SequenceEqual(previous))
        {
            return previous;
        }

        string text;
        if (length <= MaxLength && pooled[ordinal])
        {
            if (!lookup.TryGetValue(span, out var shared))
            {
                shared = new string(span);
                if (strings.Count < MaxEntries)
                {
                    strings[shared] = shared;
                }
            }

            text = shared;
        }
        else
        {
            text = new string(span);
        }

        last[ordinal] = text;
        return text;
    }
}
