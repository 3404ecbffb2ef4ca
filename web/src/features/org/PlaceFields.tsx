import { SelectField } from "../../app/forms/fields";
import { communeOptions, parkOptions } from "../../app/forms/options";
import type { FieldErrors } from "../../app/forms/validation";
import { useCatalog } from "../../app/i18n/i18n";
import { orgMessages } from "./messages";

/**
 * Where an organisation or a listing is: a commune/ward (two-level local government, so no district) and an
 * optional industrial park. Shared by the organisation and listing forms so both ask in the same words.
 */
export function PlaceFields(props: {
  communeId: string;
  industrialParkId: string;
  onCommune: (value: string) => void;
  onPark: (value: string) => void;
  errors: FieldErrors;
}) {
  const { t } = useCatalog(orgMessages);
  return (
    <div class="row-2">
      <SelectField
        name="communeId"
        label={t("org.field.commune")}
        hint={t("org.field.communeHint")}
        required
        value={props.communeId}
        placeholder={t("form.choose")}
        options={communeOptions}
        onChange={props.onCommune}
        error={props.errors.communeId}
      />
      <SelectField
        name="industrialParkId"
        label={`${t("org.field.park")} ${t("form.optional")}`}
        value={props.industrialParkId}
        placeholder={t("form.none")}
        options={parkOptions}
        onChange={props.onPark}
        error={props.errors.industrialParkId}
      />
    </div>
  );
}
