namespace GiamNgheo.Application.Interchange;

/// <summary>
/// One problem found in an import file: where (file or sheet, row — the header is row 1 — and column), the value
/// as written and the reason in Vietnamese. Row 0 means the whole file.
/// </summary>
public sealed record InterchangeProblem(string File, long Row, string Column, string Value, string Reason);

/// <summary>A file that cannot be read at all (not UTF-8, not an XLSX, broken quoting…): the message is Vietnamese.</summary>
public sealed class InterchangeFileException : Exception
{
    public InterchangeFileException()
    {
    }

    public InterchangeFileException(string message) : base(message)
    {
    }

    public InterchangeFileException(string message, Exception inner) : base(message, inner)
    {
    }
}

/// <summary>One data row of an interchange table: its row number in the file and its fields in the table's column order.</summary>
public sealed record InterchangeRawRow(long Row, string?[] Fields)
{
    /// <summary>The continuation sheet ("Thành viên (2)"…) the row comes from; null for the table's own sheet or file.</summary>
    public string? Sheet { get; init; }

    public string Get(int column) => Fields[column] ?? string.Empty;
}
