using System.Globalization;
using System.Text;

namespace GiamNgheo.Application.Interchange;

/// <summary>
/// RFC 4180 field writer for the interchange files: UTF-8 without BOM, <c>\n</c> line ends, a field is quoted only
/// when it holds a comma, a quote or a line break (quotes doubled), numbers and dates in the invariant culture.
/// Rows are formatted into a char buffer and handed to the stream in blocks, so both sync and async callers stream.
/// </summary>
internal sealed class CsvRowWriter : IInterchangeCells, IDisposable, IAsyncDisposable
{
    private const int FlushThreshold = 1 << 16;
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamWriter _writer;
    private char[] _buffer = new char[FlushThreshold + 4096];
    private int _length;
    private bool _fieldWritten;

    public CsvRowWriter(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _writer = new StreamWriter(stream, Utf8NoBom, bufferSize: 1 << 16, leaveOpen);
    }

    public bool ShouldFlush => _length >= FlushThreshold;

    public void Row(IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            Field(field);
        }

        EndRow();
    }

    public void Field(string? value)
    {
        Separator();
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (value.AsSpan().IndexOfAny(",\"\n\r") < 0)
        {
            Append(value);
            return;
        }

        Append('"');
        foreach (var ch in value)
        {
            if (ch == '"')
            {
                Append('"');
            }

            Append(ch);
        }

        Append('"');
    }

    public void Field(long? value)
    {
        Separator();
        if (value is not { } v)
        {
            return;
        }

        Ensure(20);
        v.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>1 for true, 0 for false, empty for null.</summary>
    public void Field(bool? value)
    {
        Separator();
        if (value is { } v)
        {
            Append(v ? '1' : '0');
        }
    }

    public void Field(DateOnly value)
    {
        Separator();
        Ensure(10);
        value.TryFormat(_buffer.AsSpan(_length), out var written, MemberColumns.DateFormat, CultureInfo.InvariantCulture);
        _length += written;
    }

    void IInterchangeCells.Text(string? value) => Field(value);

    void IInterchangeCells.Number(long? value) => Field(value);

    void IInterchangeCells.Number(bool? value) => Field(value);

    public void EndRow()
    {
        Append('\n');
        _fieldWritten = false;
    }

    public void Flush()
    {
        _writer.Write(_buffer, 0, _length);
        _length = 0;
        _writer.Flush();
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _writer.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
        await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        Flush();
        _writer.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private void Separator()
    {
        if (_fieldWritten)
        {
            Append(',');
        }

        _fieldWritten = true;
    }

    private void Append(char ch)
    {
        Ensure(1);
        _buffer[_length++] = ch;
    }

    private void Append(string value)
    {
        Ensure(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }

    private void Ensure(int extra)
    {
        if (_length + extra > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
        }
    }
}
