using System.Globalization;

namespace GiamNgheo.Cli.Households;

/// <summary>Errors found in an input file: every one is counted, the first <see cref="Limit"/> are kept.</summary>
internal sealed class CsvErrorList(int limit = CsvErrorList.DefaultLimit)
{
    public const int DefaultLimit = 100;

    private readonly List<string> _messages = [];

    public int Limit { get; } = limit;

    public int Count { get; private set; }

    public bool Any => Count > 0;

    public IReadOnlyList<string> Messages => _messages;

    /// <summary>"line 3, column income: …" — line numbers count the header as line 1.</summary>
    public void Add(long line, string column, string reason)
    {
        Count++;
        if (_messages.Count < Limit)
        {
            _messages.Add(string.Create(CultureInfo.InvariantCulture, $"line {line}, column {column}: {reason}"));
        }
    }

    /// <summary>Appends the errors of a later part of the file (kept in file order by the caller).</summary>
    public void AddRange(CsvErrorList later)
    {
        Count += later.Count;
        foreach (var message in later._messages)
        {
            if (_messages.Count >= Limit)
            {
                break;
            }

            _messages.Add(message);
        }
    }

    public void WriteTo(TextWriter error, string inputPath)
    {
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Tệp {inputPath} có {Count} lỗi; không ghi tệp kết quả."));
        foreach (var message in _messages)
        {
            error.WriteLine(message);
        }

        if (Count > _messages.Count)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… và {Count - _messages.Count} lỗi khác (chỉ liệt kê {Limit} lỗi đầu)."));
        }
    }
}
