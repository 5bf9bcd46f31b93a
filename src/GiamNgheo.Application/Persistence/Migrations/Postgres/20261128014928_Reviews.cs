using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Reviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escape_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FromCategory = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewHouseholdId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_escape_requests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_escape_requests_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "public_holidays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    NameVi = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Mark = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_public_holidays", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "review_campaigns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<byte>(type: "smallint", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ParallelStandards = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "commune_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<byte>(type: "smallint", nullable: false),
                    PostingStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PostingEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    DistrictConsultedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DistrictOpinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecisionId = table.Column<long>(type: "bigint", nullable: true),
                    ReportDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_commune_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_commune_reviews_review_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_files_review_campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "review_campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recognition_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneReviewId = table.Column<long>(type: "bigint", nullable: false),
                    CommuneCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    StandardCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Signer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recognition_decisions_commune_reviews_CommuneReviewId",
                        column: x => x.CommuneReviewId,
                        principalTable: "commune_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_households",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneReviewId = table.Column<long>(type: "bigint", nullable: false),
                    HouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    State = table.Column<byte>(type: "smallint", nullable: false),
                    ListingReason = table.Column<byte>(type: "smallint", nullable: false),
                    ApplicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonText = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SurveyId = table.Column<long>(type: "bigint", nullable: true),
                    Category = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    PreviousCategory = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Attendees = table.Column<int>(type: "integer", nullable: true),
                    Agree = table.Column<int>(type: "integer", nullable: true),
                    CertificateNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_households", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_households_commune_reviews_CommuneReviewId",
                        column: x => x.CommuneReviewId,
                        principalTable: "commune_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_review_households_households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommuneReviewId = table.Column<long>(type: "bigint", nullable: false),
                    VillageCode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<int>(type: "integer", nullable: false),
                    Roles = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MinutesFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    MinutesContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    MinutesFileId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_meetings_commune_reviews_CommuneReviewId",
                        column: x => x.CommuneReviewId,
                        principalTable: "commune_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReviewHouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Complainant = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Content = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecheckResult = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RepostedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_complaints_review_households_ReviewHouseholdId",
                        column: x => x.ReviewHouseholdId,
                        principalTable: "review_households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    ReviewHouseholdId = table.Column<long>(type: "bigint", nullable: false),
                    Agree = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_votes_review_households_ReviewHouseholdId",
                        column: x => x.ReviewHouseholdId,
                        principalTable: "review_households",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_review_votes_review_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "review_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_commune_reviews_CampaignId_CommuneCode",
                table: "commune_reviews",
                columns: new[] { "CampaignId", "CommuneCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escape_requests_HouseholdId",
                table: "escape_requests",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_public_holidays_Date_ProvinceCode",
                table: "public_holidays",
                columns: new[] { "Date", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_recognition_decisions_CommuneReviewId",
                table: "recognition_decisions",
                column: "CommuneReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_review_campaigns_ProvinceCode_Year_Kind_Month",
                table: "review_campaigns",
                columns: new[] { "ProvinceCode", "Year", "Kind", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_review_complaints_ReviewHouseholdId",
                table: "review_complaints",
                column: "ReviewHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_review_files_CampaignId",
                table: "review_files",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_review_households_CommuneReviewId_HouseholdId",
                table: "review_households",
                columns: new[] { "CommuneReviewId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_households_HouseholdId",
                table: "review_households",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_review_meetings_CommuneReviewId",
                table: "review_meetings",
                column: "CommuneReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_review_votes_MeetingId",
                table: "review_votes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_review_votes_ReviewHouseholdId",
                table: "review_votes",
                column: "ReviewHouseholdId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "escape_requests");

            migrationBuilder.DropTable(
                name: "public_holidays");

            migrationBuilder.DropTable(
                name: "recognition_decisions");

            migrationBuilder.DropTable(
                name: "review_complaints");

            migrationBuilder.DropTable(
                name: "review_files");

            migrationBuilder.DropTable(
                name: "review_votes");

            migrationBuilder.DropTable(
                name: "review_households");

            migrationBuilder.DropTable(
                name: "review_meetings");

            migrationBuilder.DropTable(
                name: "commune_reviews");

            migrationBuilder.DropTable(
                name: "review_campaigns");
        }
    }
}
