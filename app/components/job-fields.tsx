// The job post form's fields (shared by "new post" and "edit post") and the city options grouped
// by province (also the /jobs city filter). Plain form controls: everything works without
// JavaScript; the service checks every field and returns a message key per field.
import { useState } from "react";
import { CURRENCIES, EMPLOYMENT_TYPES, SALARY_UNITS, type JobFormContext } from "../../server/jobs/types.ts";
import { translateKey, useT, type MessageKey } from "../i18n/index.ts";
import { FormField } from "./form-field.tsx";
import { employmentTypeLabel } from "./job-card.tsx";
import { SelectField, TextAreaField } from "./studio-fields.tsx";
import { TradeOptions, type TradeCategoryOption } from "./trade-options.tsx";

export type CityGroups = JobFormContext["cities"];

/** Cities as <optgroup>s by province (place names are Chinese in both locales). */
export function CityOptions({ groups }: { groups: CityGroups }) {
  return groups.map((province) => (
    <optgroup key={province.code} label={province.name} lang="zh-CN">
      {province.cities.map((city) => (
        <option key={city.code} value={city.code}>
          {city.name}
        </option>
      ))}
    </optgroup>
  ));
}

interface JobPostFieldsProps {
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  categories: TradeCategoryOption[];
  context: JobFormContext;
}

export function JobPostFields({ values, errors, categories, context }: JobPostFieldsProps) {
  const t = useT();
  const message = (name: string) => translateKey(t, errors[name]);
  const value = (name: string, fallback = "") => values[name] ?? fallback;
  // The district list belongs to one city; once another city is chosen, the district is typed.
  const [city, setCity] = useState(value("city"));
  const listDistricts = context.districts.length > 0 && city === context.districtsCity;
  return (
    <>
      <FormField name="title" label={t("jobs.field.title")} hint={t("jobs.field.titleHint")} defaultValue={value("title")} error={message("title")} maxLength={120} required />
      {context.isAdmin ? (
        <FormField
          name="organization"
          label={t("jobs.field.organization")}
          hint={t("jobs.field.organizationHint")}
          defaultValue={value("organization")}
          error={message("organization")}
          maxLength={120}
          required
        />
      ) : (
        <p data-testid="job-form-organization">{t("jobs.field.organizationFixed", { name: context.organizationName ?? "" })}</p>
      )}
      <SelectField name="trade" label={t("jobs.field.trade")} defaultValue={value("trade")} error={message("trade")} required>
        <option value="">{t("jobs.field.tradeChoose")}</option>
        <TradeOptions categories={categories} />
      </SelectField>
      <SelectField name="employmentType" label={t("jobs.field.employmentType")} defaultValue={value("employmentType", "FULL_TIME")} error={message("employmentType")} required>
        {EMPLOYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {employmentTypeLabel(t, type)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        name="description"
        label={t("jobs.field.description")}
        hint={t("jobs.field.descriptionHint")}
        defaultValue={value("description")}
        error={message("description")}
        rows={8}
        maxLength={10_000}
        required
      />

      <fieldset className="job-fieldset">
        <legend>{t("jobs.field.place")}</legend>
        <SelectField
          name="city"
          label={t("jobs.field.city")}
          defaultValue={value("city")}
          error={message("city")}
          onChange={(event) => setCity(event.currentTarget.value)}
          required
        >
          <option value="">{t("jobs.field.cityChoose")}</option>
          <CityOptions groups={context.cities} />
        </SelectField>
        {listDistricts ? (
          // The post's city is known: its districts as a list (a new city's are typed by name).
          <SelectField name="district" label={t("jobs.field.district")} defaultValue={value("district")} error={message("district")}>
            <option value="">{t("jobs.field.districtNone")}</option>
            {context.districts.map((district) => (
              <option key={district.code} value={district.code} lang="zh-CN">
                {district.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <FormField
            key={city}
            name="district"
            label={t("jobs.field.district")}
            hint={t("jobs.field.districtHint")}
            defaultValue={context.districtsCity !== null && city !== context.districtsCity ? "" : value("district")}
            error={message("district")}
            maxLength={40}
          />
        )}
        <FormField name="address" label={t("jobs.field.address")} defaultValue={value("address")} error={message("address")} maxLength={200} />
      </fieldset>

      <fieldset className="job-fieldset">
        <legend>{t("jobs.field.salary")}</legend>
        <FormField name="salaryMin" label={t("jobs.field.salaryMin")} defaultValue={value("salaryMin")} error={message("salaryMin")} inputMode="numeric" maxLength={8} required />
        <FormField name="salaryMax" label={t("jobs.field.salaryMax")} defaultValue={value("salaryMax")} error={message("salaryMax")} inputMode="numeric" maxLength={8} required />
        <SelectField name="salaryUnit" label={t("jobs.field.salaryUnit")} defaultValue={value("salaryUnit", "MONTH")} error={message("salaryUnit")} required>
          {SALARY_UNITS.map((unit) => (
            <option key={unit} value={unit}>
              {t(`jobs.field.salaryUnit.${unit}` as MessageKey)}
            </option>
          ))}
        </SelectField>
        <SelectField name="currency" label={t("jobs.field.currency")} defaultValue={value("currency", "CNY")} error={message("currency")}>
          {CURRENCIES.map((currency) => (
            <option key={currency} value={currency}>
              {t(`jobs.currency.${currency}` as MessageKey)} ({currency})
            </option>
          ))}
        </SelectField>
      </fieldset>

      <FormField name="openings" label={t("jobs.field.openings")} defaultValue={value("openings", "1")} error={message("openings")} inputMode="numeric" maxLength={6} required />
      <FormField
        name="experienceYears"
        label={t("jobs.field.experienceYears")}
        hint={t("jobs.field.experienceYearsHint")}
        defaultValue={value("experienceYears", "0")}
        error={message("experienceYears")}
        inputMode="numeric"
        maxLength={2}
      />
      <TextAreaField
        name="certificates"
        label={t("jobs.field.certificates")}
        hint={t("jobs.field.listHint")}
        defaultValue={value("certificates")}
        error={message("certificates")}
        rows={3}
        maxLength={1000}
      />
      <TextAreaField
        name="benefits"
        label={t("jobs.field.benefits")}
        hint={t("jobs.field.listHint")}
        defaultValue={value("benefits")}
        error={message("benefits")}
        rows={4}
        maxLength={2000}
      />
      <FormField
        name="validThrough"
        type="date"
        label={t("jobs.field.validThrough")}
        hint={t("jobs.field.validThroughHint")}
        defaultValue={value("validThrough")}
        error={message("validThrough")}
        required
      />
    </>
  );
}

/** The warning after a save whose text asks for money (the post is saved all the same). */
export function FeeWarningNotice({ phrase }: { phrase: string | null }) {
  const t = useT();
  if (!phrase) return null;
  return (
    <div className="alert error" role="alert" data-testid="job-fee-warning">
      <p>{t("jobs.form.feeWarning", { phrase })}</p>
    </div>
  );
}
