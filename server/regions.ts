// Places in China as GB/T 2260 administrative codes: 34 provinces, their cities and districts.
// Job posts store codes, not names, so a filter by city matches however the name is written and an
// unknown city is refused. The names come from @vant/area-data (Chinese only: place names are
// shown as they are written locally, in both locales).
import { areaList } from "@vant/area-data";

export interface Region {
  code: string;
  name: string;
}

export interface ProvinceWithCities extends Region {
  cities: Region[];
}

const provinces: Region[] = Object.entries(areaList.province_list).map(([code, name]) => ({ code, name }));
const cities: Region[] = Object.entries(areaList.city_list).map(([code, name]) => ({ code, name }));
const names = new Map<string, string>([
  ...Object.entries(areaList.province_list),
  ...Object.entries(areaList.city_list),
  ...Object.entries(areaList.county_list),
]);

/** The first two digits name the province, the first four the city. */
const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;
const cityOf = (code: string) => `${code.slice(0, 4)}00`;

export const isProvince = (code: string) => code in areaList.province_list;
export const isCity = (code: string) => code in areaList.city_list;
export const isDistrict = (code: string) => code in areaList.county_list;

/** The city's province, or null for a code that is no city. */
export const provinceOfCity = (city: string): string | null => (isCity(city) ? provinceOf(city) : null);

/** True when the district lies in the city. */
export const districtInCity = (district: string, city: string) => isDistrict(district) && cityOf(district) === city;

/** The name of a province, city or district code; the code itself when unknown. */
export const regionName = (code: string): string => names.get(code) ?? code;

type PlaceCodes = { province: string; city: string; district?: string | null };

/**
 * The city level's name, or null where it says nothing: Beijing, Tianjin, Shanghai and Chongqing
 * have a "city" named like the province, or a placeholder (市辖区, 县); counties governed by the
 * province directly sit under a "省直辖县" (or 自治区直辖县级行政区划) pseudo-city.
 */
function cityLevelName(place: PlaceCodes): string | null {
  const city = regionName(place.city);
  return city === regionName(place.province) || city === "市辖区" || city === "县" || city.includes("直辖") ? null : city;
}

/** "广东省 深圳市 南山区": the names of a place from its codes, without repeating a municipality. */
export function placeName(place: PlaceCodes): string {
  return [regionName(place.province), cityLevelName(place), place.district ? regionName(place.district) : null].filter(Boolean).join(" ");
}

/** The locality of a postal address (schema.org addressLocality): the city, or in a municipality the district. */
export const localityName = (place: PlaceCodes): string =>
  cityLevelName(place) ?? (place.district ? regionName(place.district) : regionName(place.province));

const provincesWithCities: ProvinceWithCities[] = provinces.map((province) => ({
  ...province,
  cities: cities.filter((city) => provinceOf(city.code) === province.code),
}));

/** Districts by city, built once (a scan of China's 3,000 districts per call cost milliseconds). */
const districtsByCity = new Map<string, Region[]>();
for (const [code, name] of Object.entries(areaList.county_list)) {
  const city = cityOf(code);
  districtsByCity.set(city, [...(districtsByCity.get(city) ?? []), { code, name }]);
}

/** Provinces with their cities, for the city select (grouped by province). */
export const citiesByProvince = (): ProvinceWithCities[] => provincesWithCities;

/** The districts of one city, for the post form. */
export const districtsOf = (city: string): Region[] => districtsByCity.get(city) ?? [];

/** A city code from a code or an exact Chinese name ("深圳市", "深圳"), for CSV imports. */
export function findCity(value: string): string | null {
  const text = value.trim();
  if (isCity(text)) return text;
  const match = cities.find((city) => city.name === text || city.name.replace(/市$/, "") === text);
  return match?.code ?? null;
}

/** A district code of `city` from a code or its exact Chinese name. */
export function findDistrict(city: string, value: string): string | null {
  const text = value.trim();
  if (districtInCity(text, city)) return text;
  return districtsOf(city).find((district) => district.name === text)?.code ?? null;
}
