using System.Text;
using GiamNgheo.Application.Interchange;
using GiamNgheo.Domain.Common;
using GiamNgheo.Domain.Households;
using Sylvan.Data.Csv;

namespace GiamNgheo.Application.Tests.Interchange;

public class CsvWriterTests
{
    private static readonly HouseholdRow Household = new()
    {
        HouseholdCode = "00004-000001",
        CommuneCode = "00004",
        Village = "Tổ dân phố 3",
        Address = "Số 12, ngõ \"Hoa Mai\", Phường Ba Đình\nHà Nội",
        HeadName = "Nguyễn Văn An",
        Area = AreaType.Urban,
        ReviewYear = 2025,
        Income = 1_999_000,
        Indicators = IndicatorAnswers.None.With("water", true).With("telecom", false),
        Causes = PovertyCauses.Capital | PovertyCauses.Skills,
        Needs = SupportNeeds.Credit,
        Flags = SpecialGroups.FemaleHead | SpecialGroups.EthnicMinority,
    };

    [Fact]
    public void HouseholdWriter_WritesUtf8WithoutBom_LfAndRfc4180Quoting()
    {
        var bytes = WriteHousehold(Household);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain('\r', text);
        Assert.Contains("\"Số 12, ngõ \"\"Hoa Mai\"\", Phường Ba Đình\nHà Nội\"", text, StringComparison.Ordinal);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HouseholdWriter_RowReadsBackThroughACsvReader()
    {
        using var reader = CsvDataReader.Create(new StreamReader(new MemoryStream(WriteHousehold(Household))));
        Assert.True(reader.Read());

        string Field(string code) => reader.GetString(reader.GetOrdinal(code));
        Assert.Equal(Household.Address, Field("address"));
        Assert.Equal("urban", Field("area"));
        Assert.Equal("1999000", Field("income"));
        Assert.Equal("", Field("b1_score"));
        Assert.Equal("1", Field("water"));
        Assert.Equal("0", Field("telecom"));
        Assert.Equal("", Field("nutrition"));
        Assert.Equal("capital;skills", Field("causes"));
        Assert.Equal("credit", Field("needs"));
        Assert.Equal("1", Field("female_head"));
        Assert.Equal("0", Field("no_labour_capacity"));
        Assert.False(reader.Read());
    }

    [Fact]
    public void MemberWriter_WritesCodesAndIsoDates()
    {
        using var stream = new MemoryStream();
        using (var writer = new MemberCsvWriter(stream, leaveOpen: true))
        {
            writer.Write(new MemberRow
            {
                HouseholdCode = "00004-000001",
                FullName = "Giàng A Pó",
                Sex = Sex.Male,
                DateOfBirth = new DateOnly(1990, 2, 3),
                EthnicityCode = "08",
                RelationToHead = RelationToHead.Head,
                PersonalId = "011090123456",
                HealthInsurance = true,
                Education = EducationLevel.LowerSecondary,
                Schooling = Schooling.NotInSchool,
                Disability = Disability.ExtremelySevere,
                Employment = Employment.WageWithoutContract,
            });
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal("00004-000001,Giàng A Pó,male,1990-02-03,08,head,011090123456,1,lower_secondary,0,extremely_severe,wage_without_contract", lines[1]);
    }

    [Fact]
    public async Task HouseholdWriter_VietnameseHeader_StreamsManyRowsAsync()
    {
        using var stream = new MemoryStream();
        await using (var writer = new HouseholdCsvWriter(stream, InterchangeHeader.Vietnamese, leaveOpen: true))
        {
            for (var i = 0; i < 5_000; i++)
            {
                await writer.WriteAsync(Household with { HouseholdCode = $"00004-{i + 1:000000}" }, TestContext.Current.CancellationToken);
            }

            Assert.Equal(5_000, writer.RowsWritten);
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.StartsWith("Mã hộ,Mã xã,Thôn,Địa chỉ,Họ tên chủ hộ,", text, StringComparison.Ordinal);
        Assert.Contains("00004-005000,", text, StringComparison.Ordinal);
    }

    private static byte[] WriteHousehold(HouseholdRow row)
    {
        using var stream = new MemoryStream();
        using (var writer = new HouseholdCsvWriter(stream, leaveOpen: true))
        {
            writer.Write(row);
        }

        return stream.ToArray();
    }
}
