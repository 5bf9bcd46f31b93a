namespace GiamNgheo.Application.Interchange;

/// <summary>Streams <see cref="MemberRow"/>s to a <c>members.csv</c> in the interchange format.</summary>
public sealed class MemberCsvWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvRowWriter _csv;

    public MemberCsvWriter(Stream stream, InterchangeHeader header = InterchangeHeader.Codes, bool leaveOpen = false)
    {
        _csv = new CsvRowWriter(stream, leaveOpen);
        _csv.Row(MemberColumns.Header(header));
    }

    public long RowsWritten { get; private set; }

    public void Write(MemberRow row)
    {
        Format(row);
        if (_csv.ShouldFlush)
        {
            _csv.Flush();
        }
    }

    public ValueTask WriteAsync(MemberRow row, CancellationToken cancellationToken = default)
    {
        Format(row);
        return _csv.ShouldFlush ? _csv.FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => _csv.FlushAsync(cancellationToken);

    public void Dispose() => _csv.Dispose();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();

    private void Format(MemberRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _csv.Field(row.HouseholdCode);
        _csv.Field(row.FullName);
        _csv.Field(row.Sex.ToCode());
        _csv.Field(row.DateOfBirth);
        _csv.Field(row.EthnicityCode);
        _csv.Field(row.RelationToHead.ToCode());
        _csv.Field(row.PersonalId);
        _csv.Field(row.HealthInsurance);
        _csv.Field(row.Education.ToCode());
        _csv.Field(row.Schooling.ToCode());
        _csv.Field(row.Disability.ToCode());
        _csv.Field(row.Employment.ToCode());
        _csv.EndRow();
        RowsWritten++;
    }
}
