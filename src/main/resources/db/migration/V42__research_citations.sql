-- Posts that cite (link to) a publication of the library, kept when a post is published or edited and read back
-- live (a hidden or deleted post is not listed). Posts are the dialogue's: referred to by id only.
CREATE TABLE research_post_citation (
    publication_id BIGINT NOT NULL REFERENCES research_publication (id) ON DELETE CASCADE,
    post_id        BIGINT NOT NULL,
    PRIMARY KEY (publication_id, post_id)
);
CREATE INDEX research_post_citation_post ON research_post_citation (post_id);

-- Reports of the regional hubs may cite a publication of the library (antennas.CitationKind.PUBLICATION, resolved
-- through antennas.CitedWorks, which research implements).
ALTER TABLE antennas_citation DROP CONSTRAINT antennas_citation_kind_check;
ALTER TABLE antennas_citation ADD CONSTRAINT antennas_citation_kind_check
    CHECK (kind IN ('POST', 'THREAD', 'STORY', 'OPINION', 'MINUTES', 'OUTCOME', 'PUBLICATION'));
