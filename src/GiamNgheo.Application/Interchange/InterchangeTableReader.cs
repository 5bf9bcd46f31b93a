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
        Stream stream, IReadOnlyList<InterchangeColumn> columns, IReadOnlySet<string> required, string label, ICollection<InterchangeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(problems);
        using var text = new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        CsvDataReader csv;
        int[] map;
        try
        {
            csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, BufferSize = 1 << 16, MaxBufferSize = 1 << 22 });
            if (!csv.Read())
            {
                throw new InterchangeFileException($"{label}: tệp trống, không có dòng tiêu đề.");
            }

            var header = new string[csv.FieldCount];
            for (var i = 0; i < header.Length; i++)
            {
                header[i] = csv.GetString(i);
            }

            map = MapHeader(header, columns, required, label, problems);
        }
        catch (Exception e) when (e is not InterchangeFileException and not OperationCanceledException)
        {
            throw Unreadable(label, e);
        }

        using (csv)
        {
            long row = 1;
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
