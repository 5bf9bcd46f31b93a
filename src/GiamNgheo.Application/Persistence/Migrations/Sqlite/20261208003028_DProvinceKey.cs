using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GiamNgheo.Application.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DProvinceKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_escape_requests_households_HouseholdId",
                table: "escape_requests");

            migrationBuilder.DropForeignKey(
                name: "FK_household_classifications_households_HouseholdId",
                table: "household_classifications");

            migrationBuilder.DropForeignKey(
                name: "FK_household_gap_summary_households_HouseholdId",
                table: "household_gap_summary");

            migrationBuilder.DropForeignKey(
                name: "FK_household_policy_status_households_HouseholdId",
                table: "household_policy_status");

            migrationBuilder.DropForeignKey(
                name: "FK_household_statuses_households_HouseholdId",
                table: "household_statuses");

            migrationBuilder.DropForeignKey(
                name: "FK_household_surveys_households_HouseholdId",
                table: "household_surveys");

            migrationBuilder.DropForeignKey(
                name: "FK_members_households_HouseholdId",
                table: "members");

            migrationBuilder.DropForeignKey(
                name: "FK_review_complaints_review_households_ReviewHouseholdId",
                table: "review_complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_review_households_households_HouseholdId",
                table: "review_households");

            migrationBuilder.DropForeignKey(
                name: "FK_review_votes_review_households_ReviewHouseholdId",
                table: "review_votes");

            migrationBuilder.DropForeignKey(
                name: "FK_support_plans_households_HouseholdId",
                table: "support_plans");

            migrationBuilder.DropForeignKey(
                name: "FK_support_records_households_HouseholdId",
                table: "support_records");

            migrationBuilder.DropIndex(
                name: "IX_support_records_HouseholdId_PolicyCode_PeriodStart",
                table: "support_records");

            migrationBuilder.DropIndex(
                name: "IX_support_plans_HouseholdId",
                table: "support_plans");

            migrationBuilder.DropIndex(
                name: "IX_review_votes_ReviewHouseholdId",
                table: "review_votes");

            migrationBuilder.DropIndex(
                name: "IX_review_households_HouseholdId",
                table: "review_households");

            migrationBuilder.DropIndex(
                name: "IX_review_complaints_ReviewHouseholdId",
                table: "review_complaints");

            migrationBuilder.DropIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members");

            migrationBuilder.DropIndex(
                name: "IX_household_surveys_HouseholdId_Year",
                table: "household_surveys");

            migrationBuilder.DropIndex(
                name: "IX_household_statuses_HouseholdId_StandardCode_DecisionId",
                table: "household_statuses");

            migrationBuilder.DropPrimaryKey(
                name: "PK_household_policy_status",
                table: "household_policy_status");

            migrationBuilder.DropPrimaryKey(
                name: "PK_household_gap_summary",
                table: "household_gap_summary");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_HouseholdId_Year_StandardCode",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_escape_requests_HouseholdId",
                table: "escape_requests");

            migrationBuilder.DropIndex(
                name: "IX_admin_units_Code_Level",
                table: "admin_units");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "review_votes",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "review_households",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "review_documents",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "review_complaints",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "escape_requests",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ProvinceCode",
                table: "audit_records",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            // Carry the province code over before the composite keys are created.
            MigrationSql.ProvinceKeySql.Up(migrationBuilder);

            // SQLite rebuilds the tables below, copying their rows while foreign keys are enforced: the composite keys
            // they now refer to must already be unique in the old parent tables. These indexes go with the old tables
            // when households and review_households are rebuilt with their unique constraints.
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_households_Id_ProvinceCode_migration\" ON \"households\" (\"Id\", \"ProvinceCode\");");
            migrationBuilder.Sql("CREATE UNIQUE INDEX \"IX_review_households_Id_ProvinceCode_migration\" ON \"review_households\" (\"Id\", \"ProvinceCode\");");

            migrationBuilder.AddUniqueConstraint(
                name: "AK_review_households_Id_ProvinceCode",
                table: "review_households",
                columns: new[] { "Id", "ProvinceCode" });

            migrationBuilder.AddUniqueConstraint(
                name: "AK_households_Id_ProvinceCode",
                table: "households",
                columns: new[] { "Id", "ProvinceCode" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_household_policy_status",
                table: "household_policy_status",
                columns: new[] { "HouseholdId", "ProvinceCode", "PolicyCode" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_household_gap_summary",
                table: "household_gap_summary",
                columns: new[] { "HouseholdId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_support_records_HouseholdId_ProvinceCode_PolicyCode_PeriodStart",
                table: "support_records",
                columns: new[] { "HouseholdId", "ProvinceCode", "PolicyCode", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_HouseholdId_ProvinceCode",
                table: "support_plans",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_votes_ReviewHouseholdId_ProvinceCode",
                table: "review_votes",
                columns: new[] { "ReviewHouseholdId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_review_households_HouseholdId_ProvinceCode",
                table: "review_households",
                columns: new[] { "HouseholdId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_review_complaints_ReviewHouseholdId_ProvinceCode",
                table: "review_complaints",
                columns: new[] { "ReviewHouseholdId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members",
                columns: new[] { "HouseholdId", "ProvinceCode", "Order", "FullName", "DateOfBirth", "Sex", "EthnicityCode", "RelationToHead" });

            migrationBuilder.CreateIndex(
                name: "IX_household_surveys_HouseholdId_ProvinceCode_Year",
                table: "household_surveys",
                columns: new[] { "HouseholdId", "ProvinceCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_statuses_HouseholdId_ProvinceCode_StandardCode_DecisionId",
                table: "household_statuses",
                columns: new[] { "HouseholdId", "ProvinceCode", "StandardCode", "DecisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_HouseholdId_ProvinceCode_Year_StandardCode",
                table: "household_classifications",
                columns: new[] { "HouseholdId", "ProvinceCode", "Year", "StandardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escape_requests_HouseholdId_ProvinceCode",
                table: "escape_requests",
                columns: new[] { "HouseholdId", "ProvinceCode" });

            migrationBuilder.CreateIndex(
                name: "IX_admin_units_Code_Level_ValidFrom",
                table: "admin_units",
                columns: new[] { "Code", "Level", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_admin_units_Code_Village",
                table: "admin_units",
                column: "Code",
                unique: true,
                filter: "\"Level\" = 4");

            migrationBuilder.AddForeignKey(
                name: "FK_escape_requests_households_HouseholdId_ProvinceCode",
                table: "escape_requests",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_classifications_households_HouseholdId_ProvinceCode",
                table: "household_classifications",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_gap_summary_households_HouseholdId_ProvinceCode",
                table: "household_gap_summary",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_policy_status_households_HouseholdId_ProvinceCode",
                table: "household_policy_status",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_statuses_households_HouseholdId_ProvinceCode",
                table: "household_statuses",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_household_surveys_households_HouseholdId_ProvinceCode",
                table: "household_surveys",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_members_households_HouseholdId_ProvinceCode",
                table: "members",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_complaints_review_households_ReviewHouseholdId_ProvinceCode",
                table: "review_complaints",
                columns: new[] { "ReviewHouseholdId", "ProvinceCode" },
                principalTable: "review_households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_households_households_HouseholdId_ProvinceCode",
                table: "review_households",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_votes_review_households_ReviewHouseholdId_ProvinceCode",
                table: "review_votes",
                columns: new[] { "ReviewHouseholdId", "ProvinceCode" },
                principalTable: "review_households",
                principalColumns: new[] { "Id", "ProvinceCode" });

            migrationBuilder.AddForeignKey(
                name: "FK_support_plans_households_HouseholdId_ProvinceCode",
                table: "support_plans",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_support_records_households_HouseholdId_ProvinceCode",
                table: "support_records",
                columns: new[] { "HouseholdId", "ProvinceCode" },
                principalTable: "households",
                principalColumns: new[] { "Id", "ProvinceCode" },
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_escape_requests_households_HouseholdId_ProvinceCode",
                table: "escape_requests");

            migrationBuilder.DropForeignKey(
                name: "FK_household_classifications_households_HouseholdId_ProvinceCode",
                table: "household_classifications");

            migrationBuilder.DropForeignKey(
                name: "FK_household_gap_summary_households_HouseholdId_ProvinceCode",
                table: "household_gap_summary");

            migrationBuilder.DropForeignKey(
                name: "FK_household_policy_status_households_HouseholdId_ProvinceCode",
                table: "household_policy_status");

            migrationBuilder.DropForeignKey(
                name: "FK_household_statuses_households_HouseholdId_ProvinceCode",
                table: "household_statuses");

            migrationBuilder.DropForeignKey(
                name: "FK_household_surveys_households_HouseholdId_ProvinceCode",
                table: "household_surveys");

            migrationBuilder.DropForeignKey(
                name: "FK_members_households_HouseholdId_ProvinceCode",
                table: "members");

            migrationBuilder.DropForeignKey(
                name: "FK_review_complaints_review_households_ReviewHouseholdId_ProvinceCode",
                table: "review_complaints");

            migrationBuilder.DropForeignKey(
                name: "FK_review_households_households_HouseholdId_ProvinceCode",
                table: "review_households");

            migrationBuilder.DropForeignKey(
                name: "FK_review_votes_review_households_ReviewHouseholdId_ProvinceCode",
                table: "review_votes");

            migrationBuilder.DropForeignKey(
                name: "FK_support_plans_households_HouseholdId_ProvinceCode",
                table: "support_plans");

            migrationBuilder.DropForeignKey(
                name: "FK_support_records_households_HouseholdId_ProvinceCode",
                table: "support_records");

            migrationBuilder.DropIndex(
                name: "IX_support_records_HouseholdId_ProvinceCode_PolicyCode_PeriodStart",
                table: "support_records");

            migrationBuilder.DropIndex(
                name: "IX_support_plans_HouseholdId_ProvinceCode",
                table: "support_plans");

            migrationBuilder.DropIndex(
                name: "IX_review_votes_ReviewHouseholdId_ProvinceCode",
                table: "review_votes");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_review_households_Id_ProvinceCode",
                table: "review_households");

            migrationBuilder.DropIndex(
                name: "IX_review_households_HouseholdId_ProvinceCode",
                table: "review_households");

            migrationBuilder.DropIndex(
                name: "IX_review_complaints_ReviewHouseholdId_ProvinceCode",
                table: "review_complaints");

            migrationBuilder.DropIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members");

            migrationBuilder.DropUniqueConstraint(
                name: "AK_households_Id_ProvinceCode",
                table: "households");

            migrationBuilder.DropIndex(
                name: "IX_household_surveys_HouseholdId_ProvinceCode_Year",
                table: "household_surveys");

            migrationBuilder.DropIndex(
                name: "IX_household_statuses_HouseholdId_ProvinceCode_StandardCode_DecisionId",
                table: "household_statuses");

            migrationBuilder.DropPrimaryKey(
                name: "PK_household_policy_status",
                table: "household_policy_status");

            migrationBuilder.DropPrimaryKey(
                name: "PK_household_gap_summary",
                table: "household_gap_summary");

            migrationBuilder.DropIndex(
                name: "IX_household_classifications_HouseholdId_ProvinceCode_Year_StandardCode",
                table: "household_classifications");

            migrationBuilder.DropIndex(
                name: "IX_escape_requests_HouseholdId_ProvinceCode",
                table: "escape_requests");

            migrationBuilder.DropIndex(
                name: "IX_admin_units_Code_Level_ValidFrom",
                table: "admin_units");

            migrationBuilder.DropIndex(
                name: "IX_admin_units_Code_Village",
                table: "admin_units");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "review_votes");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "review_households");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "review_documents");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "review_complaints");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "escape_requests");

            migrationBuilder.DropColumn(
                name: "ProvinceCode",
                table: "audit_records");

            migrationBuilder.AddPrimaryKey(
                name: "PK_household_policy_status",
                table: "household_policy_status",
                columns: new[] { "HouseholdId", "PolicyCode" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_household_gap_summary",
                table: "household_gap_summary",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_support_records_HouseholdId_PolicyCode_PeriodStart",
                table: "support_records",
                columns: new[] { "HouseholdId", "PolicyCode", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_support_plans_HouseholdId",
                table: "support_plans",
                column: "HouseholdId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_votes_ReviewHouseholdId",
                table: "review_votes",
                column: "ReviewHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_review_households_HouseholdId",
                table: "review_households",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_review_complaints_ReviewHouseholdId",
                table: "review_complaints",
                column: "ReviewHouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_members_HouseholdId_ListColumns",
                table: "members",
                columns: new[] { "HouseholdId", "Order", "FullName", "DateOfBirth", "Sex", "EthnicityCode", "RelationToHead" });

            migrationBuilder.CreateIndex(
                name: "IX_household_surveys_HouseholdId_Year",
                table: "household_surveys",
                columns: new[] { "HouseholdId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_statuses_HouseholdId_StandardCode_DecisionId",
                table: "household_statuses",
                columns: new[] { "HouseholdId", "StandardCode", "DecisionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_household_classifications_HouseholdId_Year_StandardCode",
                table: "household_classifications",
                columns: new[] { "HouseholdId", "Year", "StandardCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_escape_requests_HouseholdId",
                table: "escape_requests",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_admin_units_Code_Level",
                table: "admin_units",
                columns: new[] { "Code", "Level" });

            migrationBuilder.AddForeignKey(
                name: "FK_escape_requests_households_HouseholdId",
                table: "escape_requests",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_classifications_households_HouseholdId",
                table: "household_classifications",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_gap_summary_households_HouseholdId",
                table: "household_gap_summary",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_policy_status_households_HouseholdId",
                table: "household_policy_status",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_household_statuses_households_HouseholdId",
                table: "household_statuses",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_household_surveys_households_HouseholdId",
                table: "household_surveys",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_members_households_HouseholdId",
                table: "members",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_complaints_review_households_ReviewHouseholdId",
                table: "review_complaints",
                column: "ReviewHouseholdId",
                principalTable: "review_households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_households_households_HouseholdId",
                table: "review_households",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_review_votes_review_households_ReviewHouseholdId",
                table: "review_votes",
                column: "ReviewHouseholdId",
                principalTable: "review_households",
                principalColumn: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_support_plans_households_HouseholdId",
                table: "support_plans",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_support_records_households_HouseholdId",
                table: "support_records",
                column: "HouseholdId",
                principalTable: "households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
