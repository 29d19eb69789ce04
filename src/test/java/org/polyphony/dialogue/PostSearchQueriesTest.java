package org.polyphony.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the words typed into the search box find in the post index, on a real Lucene index in memory. */
class PostSearchQueriesTest {

    static IndexSearcher searcher;

    @BeforeAll
    static void index() throws IOException {
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(PostSearchQueries.analyzer()))) {
            post(writer, "1", "en", "Remittances cost too much: the fees of money transfer operators.");
            post(writer, "2", "fr", "Les travailleuses domestiques ont besoin de contrats écrits.");
            post(writer, "3", "en", "Domestic workers need written contracts and days off.");
            post(writer, "4", "ar", "العمال المهاجرون يحتاجون إلى عقود مكتوبة");
            post(writer, "5", null, "移民工人需要书面合同");
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
    }

    @Test
    void everyWordMustBeFoundAndStemsFindOtherFormsOfAWord() throws IOException {
        assertThat(found("domestic contracts", "en")).containsExactly("3");
        assertThat(found("remittance fee", "en")).containsExactly("1");
        assertThat(found("contrat domestique", "fr")).containsExactly("2");
        assertThat(found("عقود", "ar")).containsExactly("4");
        assertThat(found("书面合同", "zh")).containsExactly("5");
    }

    @Test
    void phrasesNegationsAndOrWorkAsInWebSearchBoxes() throws IOException {
        assertThat(found("\"days off\"", "en")).containsExactly("3");
        assertThat(found("\"off days\"", "en")).isEmpty();
        assertThat(found("contracts -domestic", "en")).isEmpty();
        assertThat(found("remittances or contracts", "en")).containsExactlyInAnyOrder("1", "3");
        assertThat(PostSearchQueries.of("-only -negations", "en")).isEmpty();
        assertThat(PostSearchQueries.of("\" \"", "en")).isEmpty();
    }

    @Test
    void aPastedWallOfWordsIsCutShortRatherThanRefused() throws IOException {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            words.add(i % 2 == 0 ? "domestic" : "w" + i);
        }
        assertThat(PostSearchQueries.of(String.join(" ", words), "en")).isPresent();
        assertThat(found(String.join(" ", words), "en")).isEmpty();
        assertThat(found("\"" + String.join(" ", words) + "\"", "en")).isEmpty();
    }

    private static List<String> found(String typed, String language) throws IOException {
        var query = PostSearchQueries.of(typed, language);
        if (query.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query.get(), 10).scoreDocs) {
            ids.add(searcher.storedFields().document(hit.doc).get("id"));
        }
        return ids;
    }

    private static void post(IndexWriter writer, String id, String language, String text) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", id, Field.Store.YES));
        doc.add(new TextField(PostSearchQueries.WORDS, text, Field.Store.NO));
        PostSearchQueries.stemField(language).ifPresent(field -> doc.add(new TextField(field, text, Field.Store.NO)));
        writer.addDocument(doc);
    }
}
