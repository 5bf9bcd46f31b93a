using System.Globalization;
using System.Text;
using GiamNgheo.Domain.Classification;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Standards;
using Sylvan.Data.Csv;

namespace GiamNgheo.Cli.Households;

/// <summary>
/// Streams a households CSV (UTF-8, header row) one row at a time: <c>household_id</c>, <c>area</c>
/// (<c>rural</c> | <c>urban</c>), <c>income</c> (whole đồng per person per month) or <c>b1_score</c>, and one
/// 0/1 column per indicator code of each requested standard. Extra columns are ignored. Nothing of the file
/// is kept: the spans of a row are valid until the next <see cref="Read"/>. Bad values go to <see cref="Errors"/>
/// with the line number (the header is line 1; quoted fields spanning lines are not supported).
/// </summary>
internal sealed class HouseholdCsvReader : IDisposable
{
    public const string IdColumn = "household_id";
    public const string AreaColumn = "area";
    public const string IncomeColumn = "income";
    public const string ScoreColumn = "b1_score";
    /// <summary>Optional: the score table of <c>b1_score</c> (TT17_2016 | TT07_2021); empty = by <c>review_year</c>, else TT07_2021.</summary>
    public const string ScoreTableColumn = "b1_score_table";
    /// <summary>Optional: the review year, only for the default score table.</summary>
    public const string ReviewYearColumn = "review_year";

    private readonly Stream _stream;
    private readonly CsvDataReader _csv;
    private readonly IReadOnlyList<PovertyStandard> _standards;
    private readonly bool _needsIncome;
    /// <summary>Deprivation masks packed two standards per word: standard s is bits 32·(s mod 2) of word s / 2.</summary>
    private readonly ulong[] _masks;
    private int _idCol = -1;
    private int _areaCol = -1;
    private int _incomeCol = -1;
    private int _scoreCol = -1;
    private int _tableCol = -1;
    private int _yearCol = -1;
    private int _groupCol = -1;
    private int _weightCol = -1;
    private IndicatorColumn[] _indicatorColumns = [];

    private HouseholdCsvReader(Stream stream, bool hasHeaders, IReadOnlyList<PovertyStandard> standards, bool needsIncome, CsvErrorList errors)
    {
        _standards = standards;
        _needsIncome = needsIncome;
        _masks = new ulong[(standards.Count + 1) / 2];
        Errors = errors;
        _stream = stream;
        var text = new StreamReader(_stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        _csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = hasHeaders, Delimiter = ',', BufferSize = 1 << 16 });
    }

    public CsvErrorList Errors { get; }

    /// <summary>Line of the current row in the file.</summary>
    public long Line { get; private set; } = 1;

    public long Rows { get; private set; }

    public long BytesRead => _stream.Position;

    public long Length => _stream.Length;

    /// <summary>True when the current row has no error.</summary>
    public bool RowIsValid { get; private set; }

    public ReadOnlySpan<char> HouseholdId => _idCol >= 0 ? _csv.GetFieldSpan(_idCol) : default;

    public AreaType Area { get; private set; }

    public long? Income { get; private set; }

    public int? B1Score { get; private set; }

    public ReadOnlySpan<char> Group => _groupCol >= 0 ? _csv.GetFieldSpan(_groupCol) : default;

    public double Weight { get; private set; } = 1;

    /// <summary>
    /// Opens the file and checks its header; null (with errors listed) when a required column is missing.
    /// Classification (<paramref name="needsIncome"/>) also needs <c>household_id</c>, <c>area</c> and <c>income</c>
    /// or <c>b1_score</c>; a group or weight column, when named, must exist.
    /// </summary>
    public static HouseholdCsvReader? Open(string path, IReadOnlyList<PovertyStandard> standards, bool needsIncome, string? groupColumn, string? weightColumn, CsvErrorList errors)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var reader = new HouseholdCsvReader(stream, hasHeaders: true, standards, needsIncome, errors);
        if (!reader.ResolveHeader(groupColumn, weightColumn))
        {
            reader.Dispose();
            return null;
        }

        return reader;
    }

    /// <summary>
    /// A reader of the header line alone (<paramref name="header"/> holds its bytes, BOM included): it resolves the
    /// columns once for <see cref="ForBlock"/>. Null (with errors listed) when a required column is missing.
    /// </summary>
    public static HouseholdCsvReader? OpenHeader(byte[] header, IReadOnlyList<PovertyStandard> standards, bool needsIncome, CsvErrorList errors)
    {
        var reader = new HouseholdCsvReader(new MemoryStream(header, writable: false), hasHeaders: true, standards, needsIncome, errors);
        if (!reader.ResolveHeader(null, null))
        {
            reader.Dispose();
            return null;
        }

        return reader;
    }

    /// <summary>
    /// A reader of a block of whole data lines (no header) cut from the same file, with the columns this header
    /// reader resolved; <paramref name="firstLine"/> is the file line of the block's first row.
    /// </summary>
    public HouseholdCsvReader ForBlock(byte[] bytes, int length, long firstLine, CsvErrorList errors)
    {
        var reader = new HouseholdCsvReader(new MemoryStream(bytes, 0, length, writable: false), hasHeaders: false, _standards, _needsIncome, errors)
        {
            _idCol = _idCol,
            _areaCol = _areaCol,
            _incomeCol = _incomeCol,
            _scoreCol = _scoreCol,
            _tableCol = _tableCol,
            _yearCol = _yearCol,
            _indicatorColumns = _indicatorColumns,
            Line = firstLine - 1,
        };
        return reader;
    }

    /// <summary>The deprivation mask of the current row under standard <paramref name="standardIndex"/>.</summary>
    public uint Mask(int standardIndex) => (uint)(_masks[standardIndex >> 1] >> ((standardIndex & 1) * 32));

    public bool Read()
    {
        if (!_csv.Read())
        {
            return false;
        }

        Rows++;
        Line++;
        var errorsBefore = Errors.Count;
        Array.Clear(_masks);
        if (_needsIncome)
        {
            ReadIdentity();
        }

        ReadIndicators();
        if (_weightCol >= 0)
        {
            ReadWeight();
        }

        RowIsValid = Errors.Count == errorsBefore;
        return true;
    }

    /// <summary>Touches every field of every row without interpreting it: the cost of merely reading the file.</summary>
    public static long ReadOnly(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, Encoding.UTF8, true, 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',', BufferSize = 1 << 16 });
        long chars = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                chars += csv.GetFieldSpan(i).Length;
            }
        }

        return chars;
    }

    public void Dispose()
    {
        _csv.Dispose();
        _stream.Dispose();
    }

    private bool ResolveHeader(string? groupColumn, string? weightColumn)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _csv.FieldCount; i++)
        {
            ordinals.TryAdd(_csv.GetName(i).Trim(), i);
        }

        var before = Errors.Count;
        int Require(string name)
        {
            if (ordinals.TryGetValue(name, out var ordinal))
            {
                return ordinal;
            }

            Errors.Add(1, name, "thiếu cột bắt buộc trong dòng tiêu đề");
            return -1;
        }

        if (_needsIncome)
        {
            _idCol = Require(IdColumn);
            _areaCol = Require(AreaColumn);
            _incomeCol = ordinals.GetValueOrDefault(IncomeColumn, -1);
            _scoreCol = ordinals.GetValueOrDefault(ScoreColumn, -1);
            _tableCol = ordinals.GetValueOrDefault(ScoreTableColumn, -1);
            _yearCol = ordinals.GetValueOrDefault(ReviewYearColumn, -1);
            if (_incomeCol < 0 && _scoreCol < 0)
            {
                Errors.Add(1, IncomeColumn, "thiếu cột thu nhập (income) hoặc điểm B1 (b1_score)");
            }
        }

        var columns = new Dictionary<string, IndicatorColumn>(StringComparer.Ordinal);
        for (var s = 0; s < _standards.Count; s++)
        {
            var indicators = _standards[s].Indicators;
            for (var j = 0; j < indicators.Count; j++)
            {
                var code = indicators[j].Code;
                if (!columns.TryGetValue(code, out var column))
                {
                    column = new IndicatorColumn(code, Require(code), new ulong[_masks.Length]);
                    columns.Add(code, column);
                }

                column.Bits[s >> 1] |= (1ul << j) << ((s & 1) * 32);
            }
        }

        _indicatorColumns = [.. columns.Values.Where(c => c.Ordinal >= 0)];
        if (groupColumn is not null)
        {
            _groupCol = Require(groupColumn);
        }

        if (weightColumn is not null)
        {
            _weightCol = Require(weightColumn);
        }

        return Errors.Count == before;
    }

    private void ReadIdentity()
    {
        if (_csv.GetFieldSpan(_idCol).IsWhiteSpace())
        {
            Errors.Add(Line, IdColumn, "thiếu mã hộ");
        }

        var area = _csv.GetFieldSpan(_areaCol);
        if (area.Equals("rural", StringComparison.OrdinalIgnoreCase))
        {
            Area = AreaType.Rural;
        }
        else if (area.Equals("urban", StringComparison.OrdinalIgnoreCase))
        {
            Area = AreaType.Urban;
        }
        else
        {
            Errors.Add(Line, AreaColumn, $"khu vực phải là rural (nông thôn) hoặc urban (thành thị), nhận được \"{area}\"");
        }

        Income = null;
        B1Score = null;
        var income = _incomeCol >= 0 ? _csv.GetFieldSpan(_incomeCol) : default;
        var score = _scoreCol >= 0 ? _csv.GetFieldSpan(_scoreCol) : default;
        if (!income.IsWhiteSpace())
        {
            if (long.TryParse(income, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                Income = value;
            }
            else
            {
                Errors.Add(Line, IncomeColumn, $"thu nhập phải là số nguyên đồng/người/tháng không âm, nhận được \"{income}\"");
            }
        }
        else if (!score.IsWhiteSpace())
        {
            if (int.TryParse(score, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                B1Score = value;
                var table = ScoreTable();
                foreach (var standard in _standards)
                {
                    if (standard.ScoreLinesFor(Area) is null)
                    {
                        Errors.Add(Line, ScoreColumn, $"chuẩn {standard.Code} chưa có ngưỡng điểm B1; cần thu nhập (income)");
                    }
                    else if (table is not null && !HouseholdClassifier.TakesScore(standard, Area, table))
                    {
                        // docs/standards.md §1.1: a score is compared only with thresholds of its own table.
                        Errors.Add(Line, ScoreColumn, $"điểm B1 chấm theo bảng {table}, ngưỡng điểm của chuẩn {standard.Code} thuộc bảng "
                            + $"{standard.B1ScoreTable?.Value ?? "không rõ"}: hai thang điểm khác nhau, không so được; cần thu nhập (income)");
                    }
                }
            }
            else
            {
                Errors.Add(Line, ScoreColumn, $"điểm B1 phải là số nguyên, nhận được \"{score}\"");
            }
        }
        else
        {
            Errors.Add(Line, IncomeColumn, "thiếu thu nhập (income) hoặc điểm B1 (b1_score)");
        }
    }

    /// <summary>The row's B1 score table: the cell; else the default of the row's review year; else TT07_2021. Null after an error.</summary>
    private string? ScoreTable()
    {
        var cell = _tableCol >= 0 ? _csv.GetFieldSpan(_tableCol) : default;
        if (!cell.IsWhiteSpace())
        {
            if (ScoreTables.TryParse(cell.ToString(), out var code) && ScoreTables.Known.Contains(code))
            {
                return code;
            }

            Errors.Add(Line, ScoreTableColumn, $"bảng điểm B1 phải là {string.Join(" hoặc ", ScoreTables.Known)}, nhận được \"{cell}\"");
            return null;
        }

        var year = _yearCol >= 0 ? _csv.GetFieldSpan(_yearCol) : default;
        if (!year.IsWhiteSpace())
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                return ScoreTables.DefaultFor(y);
            }

            Errors.Add(Line, ReviewYearColumn, $"năm rà soát phải là số nguyên, nhận được \"{year}\"");
            return null;
        }

        return ScoreTables.Tt07Of2021;
    }

    private void ReadIndicators()
    {
        var masks = _masks;
        foreach (var column in _indicatorColumns)
        {
            var value = _csv.GetFieldSpan(column.Ordinal);
            var flag = value.Length == 1 ? (uint)(value[0] - '0') : uint.MaxValue;
            if (flag > 1)
            {
                Errors.Add(Line, column.Code, $"chỉ số thiếu hụt phải là 0 hoặc 1, nhận được \"{value}\"");
                continue;
            }

            var select = 0ul - flag;
            var bits = column.Bits;
            for (var w = 0; w < masks.Length; w++)
            {
                masks[w] |= bits[w] & select;
            }
        }
    }

    private void ReadWeight()
    {
        var text = _csv.GetFieldSpan(_weightCol);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && weight >= 0 && double.IsFinite(weight))
        {
            Weight = weight;
        }
        else
        {
            Errors.Add(Line, _csv.GetName(_weightCol), $"trọng số dân số phải là số không âm, nhận được \"{text}\"");
        }
    }

    private sealed record IndicatorColumn(string Code, int Ordinal, ulong[] Bits);
}
