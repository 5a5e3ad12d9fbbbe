package org.masthead.feeds;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.masthead.ThirdPartyData;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates generated XML against its published schemas and lists every problem found. */
final class XmlChecks {
    private XmlChecks() {
    }

    /** Problems of an Atom document against RFC 4287's RELAX NG grammar (read by Jing). */
    static List<String> atomProblems(String xml) throws Exception {
        List<String> problems = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collector(problems));
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        if (!driver.loadSchema(ValidationDriver.fileInputSource(ThirdPartyData.path("xsd/atom.rnc").toFile()))) {
            throw new IllegalStateException("atom.rnc did not load: " + problems);
        }
        driver.validate(new InputSource(new StringReader(xml)));
        return problems;
    }

    /** Problems of an XML document against XML Schemas (the first is the document's own namespace). */
    static List<String> xsdProblems(String xml, Path... schemas) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        StreamSource[] sources = new StreamSource[schemas.length];
        for (int i = 0; i < schemas.length; i++) {
            sources[i] = new StreamSource(schemas[i].toFile());
        }
        Schema schema = factory.newSchema(sources);
        Validator validator = schema.newValidator();
        List<String> problems = new ArrayList<>();
        validator.setErrorHandler(collector(problems));
        validator.validate(new StreamSource(new StringReader(xml)));
        return problems;
    }

    private static ErrorHandler collector(List<String> problems) {
        return new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
                throw e;
            }
        };
    }
}
