using System.Diagnostics.CodeAnalysis;
using GiamNgheo.Application.Interchange;

namespace GiamNgheo.Application.Synthetic;

public sealed record GenerateSyntheticProvinceCommand
{
    public required SyntheticProvinceOptions Options { get; init; }

    /// <summary>Created when missing; households.csv and members.csv are replaced.</summary>
    public required string OutputDirectory { get; init; }

    public InterchangeHeader Header { get; init; } = InterchangeHeader.Codes;
}

/// <summary>
/// What was written, with the ND07_2021 poor and near-poor counts of the generated rows (income at or below the
/// line; 3 or more of the 12 deprivations → poor, fewer → near-poor) to compare with the plan's expected rates.
/// </summary>
public sealed record GenerateSyntheticProvinceResult(
    SyntheticProvinceError? Error,
    string? Message,
    SyntheticProvincePlan? Plan,
    long Households,
    long Members,
    long PoorHouseholds,
    long NearPoorHouseholds,
    string? HouseholdsPath,
    string? MembersPath);

/// <summary>
/// Writes a synthetic province as the two interchange CSV files, streaming. The files are written under temporary
/// names and renamed at the end, so an interrupted run never leaves a half file under the final name.
/// </summary>
public sealed class GenerateSyntheticProvinceHandler
{
    public const string HouseholdsFileName = "households.csv";
    public const string MembersFileName = "members.csv";

    private const int ProgressEvery = 1_000;
    private static readonly uint Nd07Mask = IndicatorAnswers.MaskOf(HouseholdColumns.Nd07Indicators);

    [SuppressMessage("Performance", "CA1822", Justification = "Use-case handlers are instances, injected like every other handler.")]
    public async Task<GenerateSyntheticProvinceResult> ExecuteAsync(
        GenerateSyntheticProvinceCommand command,
        IProgress<long>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var created = SyntheticProvinceGenerator.Create(command.Options);
        if (created.Generator is not { } generator)
        {
            return new(created.Error, created.Message, null, 0, 0, 0, 0, null, null);
        }

        Directory.CreateDirectory(command.OutputDirectory);
        var householdsPath = Path.Combine(command.OutputDirectory, HouseholdsFileName);
        var membersPath = Path.Combine(command.OutputDirectory, MembersFileName);
        var householdsTemp = householdsPath + ".partial";
        var membersTemp = membersPath + ".partial";

        long households = 0, members = 0, poor = 0, nearPoor = 0;
        await using (var householdWriter = new HouseholdCsvWriter(OpenForWrite(householdsTemp), command.Header))
        await using (var memberWriter = new MemberCsvWriter(OpenForWrite(membersTemp), command.Header))
        {
            foreach (var item in generator.Generate())
            {
                await householdWriter.WriteAsync(item.Household, cancellationToken).ConfigureAwait(false);
                foreach (var member in item.Members)
                {
                    await memberWriter.WriteAsync(member, cancellationToken).ConfigureAwait(false);
                }

                members += item.Members.Count;
                switch (Nd07Outcome(item.Household))
                {
                    case PovertyCategory.Poor:
                        poor++;
                        break;
                    case PovertyCategory.NearPoor:
                        nearPoor++;
                        break;
                    case PovertyCategory.AboveLine:
                        break;
                }

                if (++households % ProgressEvery == 0)
                {
                    progress?.Report(households);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        File.Move(householdsTemp, householdsPath, overwrite: true);
        File.Move(membersTemp, membersPath, overwrite: true);
        progress?.Report(households);
        return new(null, null, generator.Plan, households, members, poor, nearPoor, householdsPath, membersPath);
    }

    /// <summary>The ND07_2021 rule on the written answers (§2.3), used only to report the generated rates.</summary>
    internal static PovertyCategory Nd07Outcome(HouseholdRow row) =>
        row.Income > RegionTables.Nd07IncomeLine(row.Area) ? PovertyCategory.AboveLine
        : row.Indicators.CountDeprived(Nd07Mask) >= 3 ? PovertyCategory.Poor
        : PovertyCategory.NearPoor;

    private static FileStream OpenForWrite(string path) =>
        new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16, useAsync: true);
}
