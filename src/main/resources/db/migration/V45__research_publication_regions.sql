-- The regions a publication is about, beside its themes and countries (V29): codes of the platform's shared list of
-- UN M49 regions (languages.Regions, e.g. 'western-africa'), checked by the application as the countries are.
ALTER TABLE research_publication ADD COLUMN regions TEXT[] NOT NULL DEFAULT '{}';
