-- The directory tells recruitment and placement agencies apart from employers: the skills pilot lets them publish
-- opportunities, and a worker should see that an agency, not the employer, is the one recruiting.
ALTER TABLE people_organisation DROP CONSTRAINT people_organisation_type_check;
ALTER TABLE people_organisation ADD CONSTRAINT people_organisation_type_check
    CHECK (type IN ('MIGRANT_ASSOCIATION', 'NGO', 'TRADE_UNION', 'EMPLOYER', 'RECRUITMENT_AGENCY', 'ACADEMIC',
                    'GOVERNMENT', 'INTERNATIONAL', 'OTHER'));
