package org.polyphony.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Makes a field of the wrong type ({@code listed=maybe}, {@code yearFrom=abc}) an ordinary field error of every
 * form in the application, in one place.
 *
 * <p>Form records are built through their constructor. When one argument does not convert, Spring still builds
 * the record (with {@code null} for that argument), but keeps the binding result it made before the record
 * existed: its target stays {@code null}, so the model's {@code form} is {@code null} (a template fails on it)
 * and any later {@code errors.rejectValue(...)} by the application's own checks fails with "Cannot access
 * properties on null bean instance". The binders made here give that binding result the record as soon as it
 * exists, so the controller sees the form, the template shows it and further checks add their errors. The
 * mismatched value itself stays in the field error ({@link FormErrors#typed}), so the page can show what was
 * typed.
 */
@Component
class TypeMismatchBinding implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        // Spring Boot takes one set of registrations: the faster mapping look-up is registered here too
        return new LiteralPrefixHandlerMapping();
    }

    @Override
    public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
        return new RequestMappingHandlerAdapter() {
            @Override
            protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> binderMethods) {
                return new Factory(binderMethods, getWebBindingInitializer());
            }
        };
    }

    private static final class Factory extends ServletRequestDataBinderFactory {

        Factory(List<InvocableHandlerMethod> binderMethods, WebBindingInitializer initializer) {
            super(binderMethods, initializer);
        }

        @Override
        protected ServletRequestDataBinder createBinderInstance(
                Object target, String objectName, NativeWebRequest request) {
            KeepingBinder binder = new KeepingBinder(target, objectName);
            binder.setBindingErrorProcessor(new KindedTypeMismatch());
            return binder;
        }
    }

    /** A binder whose binding result, when made before its target, follows the target once there is one. */
    private static final class KeepingBinder extends ExtendedServletRequestDataBinder {

        KeepingBinder(Object target, String objectName) {
            super(target, objectName);
        }

        @Override
        protected AbstractPropertyBindingResult createBeanPropertyBindingResult() {
            if (getTarget() != null) {
                return super.createBeanPropertyBindingResult();
            }
            LateTarget result = new LateTarget(
                    getObjectName(), this::getTarget, isAutoGrowNestedPaths(), getAutoGrowCollectionLimit());
            if (getConversionService() != null) {
                result.initConversion(getConversionService());
            }
            return result;
        }
    }

    private static final class LateTarget extends BeanPropertyBindingResult {

        private final transient Supplier<Object> target;

        LateTarget(String objectName, Supplier<Object> target, boolean autoGrow, int autoGrowLimit) {
            super(null, objectName, autoGrow, autoGrowLimit);
            this.target = target;
        }

        @Override
        protected BeanWrapper createBeanWrapper() {
            Object current = target.get();
            return current == null ? super.createBeanWrapper() : PropertyAccessorFactory.forBeanPropertyAccess(current);
        }

        @Override
        public Map<String, Object> getModel() {
            Map<String, Object> model = super.getModel();
            model.put(getObjectName(), target.get());
            return model;
        }
    }

    /**
     * Adds, after the field's own codes ({@code typeMismatch.yearFrom}) and before the generic
     * {@code typeMismatch}, a code for the kind of value expected, so that "maybe" for a yes-or-no field and "abc"
     * for a number each get words a person understands; and never a Java exception text as the default message.
     */
    private static final class KindedTypeMismatch extends DefaultBindingErrorProcessor {

        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult bindingResult) {
            if (!(ex instanceof TypeMismatchException mismatch)) {
                super.processPropertyAccessException(ex, bindingResult);
                return;
            }
            String field = ex.getPropertyName();
            List<String> codes =
                    new ArrayList<>(Arrays.asList(bindingResult.resolveMessageCodes(ex.getErrorCode(), field)));
            int generic = codes.indexOf(ex.getErrorCode());
            codes.add(
                    generic < 0 ? codes.size() : generic, "safety.typeMismatch." + kindOf(mismatch.getRequiredType()));
            Object rejected = ex.getValue();
            if (rejected != null && rejected.getClass().isArray() && java.lang.reflect.Array.getLength(rejected) == 1) {
                rejected = java.lang.reflect.Array.get(rejected, 0);
            }
            bindingResult.addError(new FieldError(
                    bindingResult.getObjectName(),
                    field,
                    rejected,
                    true,
                    codes.toArray(String[]::new),
                    getArgumentsForBindError(bindingResult.getObjectName(), field),
                    null));
        }

        private static String kindOf(Class<?> type) {
            if (type == null) {
                return "text";
            }
            if (type == Boolean.class
                    || type == boolean.class
                    || type.isEnum()
                    || type.isArray()
                    || java.util.Collection.class.isAssignableFrom(type)) {
                return "choice";
            }
            if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
                return "number";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return "date";
            }
            return "text";
        }
    }
}
